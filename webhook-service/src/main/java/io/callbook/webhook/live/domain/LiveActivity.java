package io.callbook.webhook.live.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.common.contracts.webhook.CallActivityEvents;
import io.callbook.common.contracts.webhook.CallActivityEvents.Activity;
import io.callbook.common.outbox.Outbox;
import io.callbook.webhook.inbound.domain.VoiceTransfer;
import io.callbook.webhook.inbound.domain.WebhookIdentities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Tells every replica's live view what just happened in a call, through Kafka: the replica that processes an
 * event is seldom the one a tenant's stream is connected to. A call event's activity goes through the outbox, in the
 * transaction that applies the event, so a stream never shows what was rolled back. Built from what the event itself
 * carries, never from further queries: a call's transcript alone arrives on every turn.
 */
@ApplicationScoped
public class LiveActivity {

    private final Outbox outbox;
    private final ActivityChannel channel;

    public LiveActivity(Outbox outbox, ActivityChannel channel) {
        this.outbox = outbox;
        this.channel = channel;
    }

    /**
     * A call event of the provider: {@code call_started}, {@code call_ended}, {@code call_analyzed},
     * {@code transcript_updated} or a transfer event, in the transaction that processes it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callEvent(UUID companyId, String event, JsonNode body) {
        JsonNode call = body.path("call");
        JsonNode analysis = call.path("call_analysis");
        Long start = millis(call, "start_timestamp");
        Long end = millis(call, "end_timestamp");
        VoiceTransfer transfer = WebhookIdentities.TRANSFER_EVENTS.contains(event) ? VoiceTransfer.of(body)
                : new VoiceTransfer(null, null);
        Activity activity = new Activity(companyId, text(call, "call_id"), event, Instant.now(),
                text(call, "agent_id"), text(call, "from_number"), text(call, "to_number"), null, null, null, null,
                event.equals(WebhookIdentities.TRANSCRIPT_UPDATED) ? transcript(call) : null,
                transfer.destination(), transfer.type(),
                text(call, "disconnection_reason"),
                start != null && end != null ? end - start : null,
                text(analysis, "call_summary"), text(analysis, "user_sentiment"));
        publish(activity);
    }

    /**
     * A voice function the agent used and its outcome ({@code ok}, else the error it answered with); a booking or a
     * move is also told as such. Sent straight to the live views, not through the outbox: the caller is waiting for
     * the answer, and what a function did is already stored where it happened.
     */
    public void functionUsed(UUID companyId, String callId, String function, String result, Map<String, Object> details) {
        Object error = details.get("error");
        UUID appointment = appointmentId(details.get("appointment_id"));
        String outcome = error == null ? "ok" : error.toString();
        channel.send(functionActivity(companyId, callId, "function_used", function, outcome, result, appointment));
        String appointmentEvent = error != null || appointment == null ? null : switch (function) {
            case "book_appointment" -> "appointment_booked";
            case "reschedule_appointment" -> "appointment_moved";
            default -> null;
        };
        if (appointmentEvent != null) {
            channel.send(functionActivity(companyId, callId, appointmentEvent, function, outcome, result, appointment));
        }
    }

    private static Activity functionActivity(UUID companyId, String callId, String type, String function,
                                             String outcome, String result, UUID appointment) {
        return new Activity(companyId, callId, type, Instant.now(), null, null, null, function, outcome, result,
                appointment, null, null, null, null, null, null, null);
    }

    private void publish(Activity activity) {
        outbox.publish(CallActivityEvents.TOPIC, CallActivityEvents.ACTIVITY,
                activity.eventKey(), activity.companyId(), activity);
    }

    /** The transcript so far as the provider wrote it, else put together from its turns. */
    private static String transcript(JsonNode call) {
        String text = text(call, "transcript");
        if (text != null || !call.path("transcript_object").isArray()) {
            return text;
        }
        StringBuilder turns = new StringBuilder();
        for (JsonNode turn : call.path("transcript_object")) {
            if (!turns.isEmpty()) {
                turns.append('\n');
            }
            turns.append(turn.path("role").asText("unknown")).append(": ").append(turn.path("content").asText(""));
        }
        return turns.toString();
    }

    private static UUID appointmentId(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Long millis(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() ? value.asLong() : null;
    }
}
