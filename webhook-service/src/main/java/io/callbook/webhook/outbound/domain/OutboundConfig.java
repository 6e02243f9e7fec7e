package io.callbook.webhook.outbound.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "callbook.webhook.outbound")
public interface OutboundConfig {

    /** Wait before each retry; its length is the number of retries (Standard Webhooks' suggested schedule). */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** How long a tenant's endpoint may take to answer. */
    @WithDefault("5s")
    Duration timeout();

    /** Plain http endpoints besides https ones: for tests and dev mode, never in production. */
    @WithDefault("false")
    boolean httpAllowed();

    /**
     * Endpoints on a loopback address, on any port: a test's local receiver. Never in production, where they would
     * reach the service's own pod.
     */
    @WithDefault("false")
    boolean loopbackAllowed();
}
