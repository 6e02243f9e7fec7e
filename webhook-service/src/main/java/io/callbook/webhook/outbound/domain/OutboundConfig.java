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

    /** How long a tenant's endpoint may take to answer; with a margin, the lease of each send. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * Sends in flight at once on a replica (threads of their own, each waiting for one endpoint's answer). Bounded, so
     * that slow endpoints cost a known number of threads and connections; 16 at the default timeout are 3 slow
     * deliveries a second per replica when every endpoint hangs, and far more when they answer.
     */
    @WithDefault("16")
    int senders();

    /**
     * Sends in flight at once to one endpoint, per replica: one tenant's slow or hanging receiver can hold this many
     * senders and no more, and every other endpoint keeps the rest.
     */
    @WithDefault("4")
    int perEndpointConcurrency();

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
