package io.callbook.perfops.metrics.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** How the suite's metrics are collected, kept and judged. */
@ConfigMapping(prefix = "callbook.ops.metrics")
public interface MetricsConfig {

    /** The scheduled scrape; tests turn it off and call the collector themselves. */
    @WithDefault("true")
    boolean scrapeEnabled();

    /** Also read by the scheduler's expression, so both must stay in one format ("5s"). */
    @WithDefault("5s")
    Duration scrapeEvery();

    /** How far back the rolling history reaches; older snapshots are dropped. */
    @WithDefault("15m")
    Duration history();

    /** The service whose database holds the webhook inbox (inbound_events). */
    @WithDefault("webhook")
    String inboxService();

    /** The inbox is counted in the database, so not at every scrape. */
    @WithDefault("30s")
    Duration inboxEvery();

    /**
     * Consumer group name prefixes and the service owning such a group, as {@code prefix=service}. The longest
     * matching prefix wins; a group matching none is shown on its own only.
     */
    @WithDefault("resolver-=resolver,booking-=booking,webhook-=webhook,perf-ops-=perf-ops,"
            + "ops-resolver-service-=resolver,ops-booking-service-=booking,ops-webhook-service-=webhook,"
            + "ops-perf-ops-service-=perf-ops")
    List<String> groupPrefixes();

    Thresholds thresholds();

    interface Thresholds {

        @WithDefault("1000")
        double p95Ms();

        /** Share 0–1. */
        @WithDefault("0.05")
        double errorRate();

        /** Requests in the window below which the error rate says too little to alert on. */
        @WithDefault("20")
        long minRequests();

        /** Share 0–1; below it raises. */
        @WithDefault("0.70")
        double cacheHitRate();

        /** Cache lookups in the window below which the hit rate says too little to alert on. */
        @WithDefault("100")
        long minLookups();

        /** Share 0–1 of the pool in use. */
        @WithDefault("0.80")
        double poolUsage();

        /** Consumer lag and outbox age alert when they grew at each of this many scrapes in a row. */
        @WithDefault("6")
        int growingScrapes();

        /** An outbox younger than this is normal flow, not a stuck relay, however it grows. */
        @WithDefault("10")
        double outboxAgeMinSeconds();
    }
}
