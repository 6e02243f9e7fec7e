package io.callbook.webhook.inbound.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.webhook.processing")
public interface ProcessingConfig {

    /**
     * Attempts before an event is dead-lettered. Only failures of the event itself count: one that waited for an
     * unavailable service (an outage, an open circuit) is retried until the retry budget runs out.
     */
    @WithDefault("6")
    int maxAttempts();

    /** The first retry waits this long; each further one twice as long, with up to 50 % jitter. */
    @WithDefault("2s")
    Duration firstRetryDelay();

    @WithDefault("10m")
    Duration maxRetryDelay();

    /**
     * How long an event's failures may go on before it is dead-lettered, counted from its first failure (a replay
     * starts anew): long enough to ride out an outage of booking-service or resolver-service, short enough that a
     * calendar change is not applied days late without anyone noticing.
     */
    @WithDefault("6h")
    Duration retryBudget();

    /** Events one worker pass claims at a time. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a wake-up waits for more webhooks before the worker starts, so that one pass, one transaction and one
     * outbox relay run serve all of them: each costs more than a call event itself. Processing targets are in seconds:
     * at 150 webhooks a second 100 ms took a tenth less CPU per event than 20 ms, and PostgreSQL a third less, for
     * about 70 ms more from receipt to processed.
     */
    @WithDefault("100ms")
    Duration gatherDelay();
}
