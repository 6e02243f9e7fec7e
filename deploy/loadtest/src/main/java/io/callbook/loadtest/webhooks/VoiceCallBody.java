package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.JsonText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a Retell-style call webhook, {@code {event, call: {call_id, from_number, to_number, ...}}}: the one
 * place to adjust when the provider's shape moves. A call's events come in order: started, ended, analyzed.
 */
public final class VoiceCallBody {

    public static final List<String> EVENTS = List.of("call_started", "call_ended", "call_analyzed");
    /** The voice agent that takes the bench's calls. */
    public static final String AGENT_ID = "agent_loadtest";

    /** A call of the bench lasts this long, so ended and analyzed events carry plausible times. */
    private static final long CALL_MILLIS = 90_000;

    private VoiceCallBody() {
    }

    /** @param eventAtMillis when the event happened (unix ms): the call's start, or its end for later events */
    public static String json(String event, String callId, String fromNumber, String toNumber, long eventAtMillis) {
        long startedAtMillis = event.equals("call_started") ? eventAtMillis : eventAtMillis - CALL_MILLIS;
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call_id", callId);
        call.put("agent_id", AGENT_ID);
        call.put("call_type", "phone_call");
        call.put("direction", "inbound");
        call.put("from_number", fromNumber);
        call.put("to_number", toNumber);
        call.put("call_status", event.equals("call_started") ? "ongoing" : "ended");
        call.put("start_timestamp", startedAtMillis);
        if (!event.equals("call_started")) {
            call.put("end_timestamp", startedAtMillis + CALL_MILLIS);
            call.put("disconnection_reason", "user_hangup");
        }
        if (event.equals("call_analyzed")) {
            call.put("call_analysis", Map.of("call_summary", "The caller booked a haircut.", "user_sentiment", "Positive"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("call", call);
        return JsonText.of(body);
    }
}
