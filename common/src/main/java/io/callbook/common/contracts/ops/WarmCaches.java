package io.callbook.common.contracts.ops;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Every replica warms its caches and replies with {@link CachesWarmed}.
 *
 * @param commandId   also the CloudEvent's id and subject; replies carry it
 * @param requestedBy who asked, for the replicas' logs (e.g. "perf-ops report 3f2c...")
 * @param replyBy     a replica that reads the command later (it lagged, or Kafka was away) skips it: nobody waits
 */
@RegisterForReflection
public record WarmCaches(UUID commandId, String requestedBy, Instant requestedAt, Instant replyBy) {
}
