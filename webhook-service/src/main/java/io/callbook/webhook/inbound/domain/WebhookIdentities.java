package io.callbook.webhook.inbound.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.common.security.Hashes;

import java.util.Set;

/** Reads each provider's event type and identity from a webhook body (the providers' documented shapes). */
public final class WebhookIdentities {

    public static final Set<String> CALL_EVENTS = Set.of("call_started", "call_ended", "call_analyzed");
    public static final String TRANSCRIPT_UPDATED = "transcript_updated";
    public static final Set<String> TRANSFER_EVENTS =
            Set.of("transfer_started", "transfer_bridged", "transfer_cancelled", "transfer_ended");
    public static final Set<String> BOOKING_TRIGGERS = Set.of("BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED");
    /** Lower numbers are processed first; call events use 0 to 2. */
    private static final int CALENDAR_PRIORITY = 3;

    private WebhookIdentities() {
    }

    /**
     * Retell-style {@code {event, call{call_id, ...}}}; a call's lifecycle events are unique per call id and event. A
     * call has a transcript update on every turn and may be transferred more than once, and those events carry no id
     * of their own: each is unique per call id, event and body (a provider's retry sends the same body).
     */
    public static WebhookIdentity voice(JsonNode body, String rawBody) {
        String event = text(body, "event");
        if (event == null) {
            throw malformed("the body has no 'event'");
        }
        boolean repeated = event.equals(TRANSCRIPT_UPDATED) || TRANSFER_EVENTS.contains(event);
        if (!CALL_EVENTS.contains(event) && !repeated) {
            return unknown(event, rawBody);
        }
        String callId = text(body.path("call"), "call_id");
        if (callId == null) {
            throw malformed("a " + event + " event needs call.call_id");
        }
        String key = callId + ":" + event + (repeated ? ":" + Hashes.sha256Hex(rawBody) : "");
        return new WebhookIdentity(event, true, key, callId, event.equals("call_analyzed") ? 2 : 0, null);
    }

    /**
     * Cal.com-style {@code {triggerEvent, payload{uid, startTime, ...}}}; it carries no event id, so a booking's trigger
     * is unique per uid, and a reschedule also per new start time (one booking can be moved more than once). A booking
     * can wait a little; a call in progress cannot, so calendar events come after every call event.
     */
    public static WebhookIdentity calendar(JsonNode body, String rawBody) {
        String trigger = text(body, "triggerEvent");
        if (trigger == null) {
            throw malformed("the body has no 'triggerEvent'");
        }
        if (!BOOKING_TRIGGERS.contains(trigger)) {
            return unknown(trigger, rawBody);
        }
        String uid = text(body.path("payload"), "uid");
        if (uid == null) {
            throw malformed("a " + trigger + " event needs payload.uid");
        }
        String key = uid + ":" + trigger;
        String rescheduleUid = null;
        if (trigger.equals("BOOKING_RESCHEDULED")) {
            key += ":" + text(body.path("payload"), "startTime");
            rescheduleUid = text(body.path("payload"), "rescheduleUid");
        }
        return new WebhookIdentity(trigger, true, key, uid, CALENDAR_PRIORITY, rescheduleUid);
    }

    /** The order key of a stored event, from the dedupe key this class made for it: the call id or booking uid. */
    public static String orderKey(String dedupeKey) {
        int end = dedupeKey.indexOf(':');
        return end < 0 || dedupeKey.startsWith("unknown:") ? dedupeKey : dedupeKey.substring(0, end);
    }

    private static WebhookIdentity unknown(String type, String rawBody) {
        return new WebhookIdentity(type, false, "unknown:" + Hashes.sha256Hex(rawBody), "unknown", 9, null);
    }

    /** A non-blank string field, or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static MalformedWebhook malformed(String detail) {
        return new MalformedWebhook(detail);
    }
}
