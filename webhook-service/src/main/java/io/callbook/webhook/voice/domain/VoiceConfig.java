package io.callbook.webhook.voice.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Voice functions. The time budget per answer lives in the MicroProfile Fault Tolerance properties of
 * application.properties (timeouts and circuit breakers per method), where it can be tuned without a build.
 */
@ConfigMapping(prefix = "callbook.webhook.voice")
public interface VoiceConfig {

    /** Free times an agent reads out at once; more would be too long to listen to. */
    @WithDefault("3")
    int spokenSlots();

    /** Free slots returned as data per availability answer, for the agent's follow-up questions. */
    @WithDefault("20")
    int listedSlots();

    /** The longest date range one availability question covers. */
    @WithDefault("7")
    int maxAvailabilityDays();

    /** A tenant's agent token from resolver-service is replaced this long before it expires, so none expires in flight. */
    @WithDefault("PT1M")
    Duration serviceTokenRenewBefore();

    /** The secret resolver-service issues agent tokens for (its callbook.tokens.agent-exchange-secret). */
    java.util.Optional<String> agentExchangeSecret();

    /**
     * How long what an unanswered booking or cancellation did is kept for the agent's next attempt (a booking in doubt
     * even when the circuit to booking-service is open; the appointment a cancellation chose): longer than a call.
     */
    @WithDefault("PT30M")
    Duration unansweredAttemptMemory();

    /**
     * A function that waited this long for a worker thread, counted from the request's arrival, is answered at once
     * with the spoken fallback and asks no service: the machine is saturated, the caller has waited already, and the
     * function's own time-out (900 ms) starts only when a thread takes it. This bounds a caller's wait; it did not
     * measurably change the mix's throughput (ADR 0019).
     */
    @WithDefault("PT0.3S")
    Duration maxQueueWait();

    /** Upcoming appointments list_my_appointments reads out at most (booking-service is asked for ten). */
    @WithDefault("5")
    int listedAppointments();

    // Inbound hook: the caller and the business

    /** What the inbound hook looks up about the caller and the business, each within its own budget. */
    Inbound inbound();

    interface Inbound {

        /**
         * Every lookup ends by then, counted from the request's arrival (a wait for a worker thread and the directory's
         * answer included): below the hook's own time-out (InboundCalls/answer/Timeout, 900 ms), so a slow lookup is
         * left out and never costs the answer.
         */
        @WithDefault("PT0.7S")
        Duration budget();

        /** The caller's customer record, then their next appointment: two calls one after the other. */
        @WithDefault("PT0.6S")
        Duration callerBudget();

        @WithDefault("PT0.4S")
        Duration servicesBudget();

        @WithDefault("PT0.4S")
        Duration openingHoursBudget();
    }
}
