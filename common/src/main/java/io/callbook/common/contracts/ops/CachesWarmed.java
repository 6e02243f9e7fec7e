package io.callbook.common.contracts.ops;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One replica's reply to {@link WarmCaches}: one entry per cache it has (none for a service with nothing to warm).
 *
 * @param service    the service's application name, e.g. {@code booking-service}
 * @param replica    this process's id, new on every start
 * @param host       its host name (the pod name in Kubernetes)
 * @param addresses  its non-loopback IP addresses, so perf-ops can tell which of the replicas it knows answered
 * @param durationMs all caches together
 */
@RegisterForReflection
public record CachesWarmed(UUID commandId, String service, String replica, String host, List<String> addresses,
                           Instant startedAt, long durationMs, List<Cache> caches) {

    /**
     * @param entries what the cache holds for the warmed data after warming (0 when it failed)
     * @param error   why warming this cache failed; null when it did not
     */
    @RegisterForReflection
    public record Cache(String cache, int entries, long durationMs, String error) {
    }
}
