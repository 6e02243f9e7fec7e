package io.callbook.webhook.live.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.common.contracts.webhook.CallActivityEvents.Activity;
import io.callbook.webhook.inbound.domain.VoiceTransfer;
import io.callbook.webhook.inbound.domain.WebhookIdentities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells every replica's live view what just happened in a call, through Kafka: the replica that processes an
 * event is seldom the one a tenant's stream is connected to. A call event's activity is sent once the transaction that
 * applies the event has committed, so a stream never shows what was rolled back. It is not stored first: a stream
 * shows only what happens while it is open, and through the outbox each processed event cost an insert and a relay
 * pass (issue 10: about a tenth of webhook-service's CPU in the mix), and kept callers' numbers and words for days.
 * Built from what the event itself carries, never from further queries: a call's transcript alone arrives on every
 * turn. Only companies someone follows live are told ({@link WatchedCompanies}): sending and reading back the activity
 * of calls no one watched cost about a seventh of webhook-service's CPU in the mix.
 */
@ApplicationScoped
public class LiveActivity {

    /** Where a transaction keeps its call events' activity until it commits. */
    private static final Object PENDING = LiveActivity.class.getName() + ".pending";

    private final ActivityChannel channel;
    private final WatchedCompanies watched;
    private final TransactionSynchronizationRegistry transactions;

    public LiveActivity(ActivityChannel channel, WatchedCompanies watched,
                        TransactionSynchronizationRegistry transactions) {
        this.channel = channel;
        this.watched = watched;
        this.transactions = transactions;
    }

    /**
     * A call event of the provider: {@code call_started}, {@code call_ended}, {@code call_analyzed},
     * {@code transcript_updated} or a transfer event, in the transaction that processes it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callEvent(UUID companyId, String event, JsonNode body) {
        if (!watched.watched(companyId)) {
            return;
        }
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
        pendingInThisTransaction().add(activity);
    }

    /**
     * The activity of the call events this transaction applies, sent in that order once it commits. One callback per
     * transaction, not one per event: the transaction manager runs its callbacks in no promised order, and a batch of
     * one call's events must reach the stream as they happened.
     */
    @SuppressWarnings("unchecked")
    private List<Activity> pendingInThisTransaction() {
        List<Activity> pending = (List<Activity>) transactions.getResource(PENDING);
        if (pending == null) {
            List<Activity> activities = new ArrayList<>();
            transactions.putResource(PENDING, activities);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        activities.forEach(channel::send);
                    }
                }
            });
            pending = activities;
        }
        return pending;
    }

    /**
     * A voice function the agent used and its outcome ({@code ok}, else the error it answered with); a booking or a
     * move is also told as such. Sent straight to the live views, not through the outbox: the caller is waiting for
     * the answer, and what a function did is already stored where it happened.
     */
    public void functionUsed(UUID companyId, String callId, String function, String result, Map<String, Object> details) {
        if (!watched.watched(companyId)) {
            return;
        }
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
