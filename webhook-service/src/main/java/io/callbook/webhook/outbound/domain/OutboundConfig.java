package io.callbook.webhook.outbound.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "callbook.webhook.outbound")
public interface OutboundConfig {

    /** Wait before each retry; its length is the number of retries (Standard Webhooks' suggested schedule). */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** How long a tenant's endpoint may take to answer. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * Hosts that may be private, loopback or link-local addresses (e.g. a test receiver); every other such address is
     * refused, so tenants cannot make us call into our own network.
     */
    Optional<Set<String>> allowedPrivateHosts();
}
