package io.callbook.common.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the retention sweep deletes (docs/adr/0012-data-retention-and-audit-log.md). */
@ConfigMapping(prefix = "callbook.retention")
public interface RetentionConfig {

    /**
     * Rows one transaction deletes at most. Small enough that a batch holds its row locks and its share of WAL for
     * milliseconds, so requests writing the same tables never queue behind it.
     */
    @WithDefault("500")
    int batchSize();

    /** Rest between two batches, so the sweep takes a small share of the database however large the backlog. */
    @WithDefault("100ms")
    Duration pause();

    /** How often the sweep runs (read by RetentionSweeper's schedule). */
    @WithDefault("10m")
    Duration sweepEvery();

    /** The first sweep after start-up waits this long, so it does not add to the start's own work. */
    @WithDefault("1m")
    Duration firstSweepDelay();

    /**
     * How long a consumer remembers an event it handled (processed_events, every service). No personal data, but no
     * reason to keep it forever: twice Kafka's default topic retention (7 days), so any event Kafka can still deliver
     * again is recognised.
     */
    @WithDefault("14d")
    Duration processedEvents();
}
