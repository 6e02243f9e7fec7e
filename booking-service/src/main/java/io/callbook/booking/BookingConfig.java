package io.callbook.booking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.booking")
public interface BookingConfig {

    /** How long computed availability of one branch, service and day stays in Redis (bookings invalidate it sooner). */
    @WithDefault("5m")
    Duration availabilityTtl();

    /**
     * The longest an availability answer is served from this replica's memory; invalidation ends it sooner, this
     * bounds what "now" adds at the far end of the booking window.
     */
    @WithDefault("60s")
    Duration availabilityAnswerMaxAge();

    /** Memory for availability answers kept ready to send, per replica. */
    @WithDefault("16777216")
    long availabilityAnswerCacheBytes();

    /** The longest range one availability request may ask for. */
    @WithDefault("31")
    int maxAvailabilityDays();

    /** How long a slot hold keeps a slot while the caller confirms. */
    @WithDefault("5m")
    Duration holdDuration();

    /** How often overdue holds are marked expired (bookings expire those in their way at once). */
    @WithDefault("30s")
    Duration holdSweepInterval();

    /** The most appointments one batch request may create. */
    @WithDefault("100")
    int maxBatchSize();

    /**
     * The most staff members or customers one import request may create: 500 staff with their services and a full
     * week of hours stay well under the 1 MiB body limit.
     */
    @WithDefault("500")
    int maxImportBatchSize();

    /** How many days from today (in each branch's zone) the warm-caches ops command computes into the cache. */
    @WithDefault("7")
    int availabilityWarmDays();

    /**
     * The most one warm-caches command may spend; what is left then is computed by its first caller as usual. Below
     * perf-ops' wait for replies, so the reply arrives while it still listens.
     */
    @WithDefault("20s")
    Duration availabilityWarmBudget();
}
