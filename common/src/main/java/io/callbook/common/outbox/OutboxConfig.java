package io.callbook.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for events the commit wake-ups did not send: those written while Kafka was down, and
     * those another replica left behind. Read by the relay's schedule.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long after start the first of those looks is taken. */
    @WithDefault("3s")
    Duration firstPollDelay();

    /**
     * How long after a commit's wake-up the relay starts its run, so that the commits of these milliseconds share it;
     * zero starts at once. The events' latency to Kafka grows by at most this. At 100 bookings a second 100 ms lets a
     * run carry about twelve rows instead of four at 20 ms, which saved a tenth of booking-service's CPU per booking
     * and a third of webhook-service's, whose consumers then fetch them in fewer batches; no reader of these events
     * needs them sooner (a booking's own commit drops its cached availability).
     */
    @WithDefault("100ms")
    Duration gather();

    /** Events relayed per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before trying again later. */
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * Attempts after which an event Kafka refuses on its own (too large, invalid topic, another permanent error) is
     * parked instead of holding back every event behind it. Kafka being unreachable counts no attempt.
     */
    @WithDefault("5")
    int parkAfter();

    /** Published rows are kept this long for inspection and replays, then deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the backlog gauges read the table (see OutboxBacklog). Read by their schedule. */
    @WithDefault("5s")
    Duration gaugeInterval();

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /callbook/resolver}. */
    @WithDefault("/callbook")
    String source();
}
