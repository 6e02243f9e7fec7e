package io.callbook.webhook.inbound.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.common.security.Hashes;

import java.util.Set;

/** Reads each provider's event type and identity from a webhook body (the providers' documented shapes). */
public final class WebhookIdentities {

    public static final Set<String> CALL_EVENTS = Set.of("call_started", "call_ended", "call_analyzed");
    public static final Set<String> BOOKING_TRIGGERS = Set.of("BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED");
    /** Lower numbers are processed first; call events use 0 to 2. */
    private static final int CALENDAR_PRIORITY = 3;

    private WebhookIdentities() {
    }

    /** Retell-style {@code {event, call{call_id, ...}}}; a call's events are unique per call id and event. */
    public static WebhookIdentity voice(JsonNode body, String rawBody) {
        String event = text(body, "event");
        if (event == null) {
            throw malformed("the body has no 'event'");
        }
        if (!CALL_EVENTS.contains(event)) {
            return unknown(event, rawBody);
        }
        String callId = text(body.path("call"), "call_id");
        if (callId == null) {
            throw malformed("a " + event + " event needs call.call_id");
        }
        return new WebhookIdentity(event, true, callId + ":" + event, callId, event.equals("call_analyzed") ? 2 : 0);
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
        if (trigger.equals("BOOKING_RESCHEDULED")) {
            key += ":" + text(body.path("payload"), "startTime");
        }
        return new WebhookIdentity(trigger, true, key, uid, CALENDAR_PRIORITY);
    }

    /** The order key of a stored event, from the dedupe key this class made for it: the call id or booking uid. */
    public static String orderKey(String dedupeKey) {
        int end = dedupeKey.indexOf(':');
        return end < 0 || dedupeKey.startsWith("unknown:") ? dedupeKey : dedupeKey.substring(0, end);
    }

    private static WebhookIdentity unknown(String type, String rawBody) {
        return new WebhookIdentity(type, false, "unknown:" + Hashes.sha256Hex(rawBody), "unknown", 9);
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
