package io.callbook.common.contracts.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens in a tenant's calls as it happens (call started, a voice function used, the transcript so far, a
 * transfer, call ended or analysed), for the live view of every webhook-service replica. Keyed by the provider's call
 * id, so one call's activity stays in order. Worthless after minutes and it carries callers' numbers and words: the
 * topic keeps it briefly, and nothing stores it.
 */
public final class CallActivityEvents {

    public static final String TOPIC = "callbook.webhooks.call-activity.v1";
    public static final String ACTIVITY = "io.callbook.webhooks.call.activity";

    private CallActivityEvents() {
    }

    /**
     * One step of a call; {@code type} names it (the provider's event name, {@code function_used},
     * {@code appointment_booked} or {@code appointment_moved}) and only the fields that step knows are set.
     *
     * @param outcome     of a voice function: {@code ok}, or the error it answered with
     * @param result      the sentence a voice function gave the agent to speak
     * @param transcript  the transcript so far
     * @param transferType the provider's transfer option, e.g. {@code warm_transfer}
     */
    @RegisterForReflection
    public record Activity(UUID companyId, String callId, String type, Instant occurredAt, String agentId,
                           String fromNumber, String toNumber, String function, String outcome, String result,
                           UUID appointmentId, String transcript, String transferDestination, String transferType,
                           String disconnectionReason, Long durationMs, String summary, String sentiment) {

        public static Activity of(UUID companyId, String callId, String type) {
            return new Activity(companyId, callId, type, Instant.now(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
        }

        /** The Kafka key: one call's activity stays in order, whichever way it is sent. */
        public String eventKey() {
            return callId == null ? "unknown" : callId;
        }
    }
}
