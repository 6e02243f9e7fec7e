package io.callbook.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A voice function call as the voice platform sends it mid-call, {@code POST /v1/voice/functions/{name}} with body
 * {@code {name, call: {call_id, from_number, to_number}, args}}: the one place to adjust when the provider's shape
 * moves. Also the one place that knows how webhook-service says it could not ask booking or the directory in time.
 */
public final class VoiceFunctionBody {

    /**
     * Part of the sentence webhook-service speaks when a dependency did not answer within the budget (VoiceFunctions'
     * fallback, "I'm sorry, I can't check that right now. ..."), still with 200: for the bench that is a failure.
     */
    public static final String FALLBACK_SENTENCE = "can't check that right now";
    /** The {@code error} value that goes with the fallback sentence. */
    public static final String FALLBACK_ERROR = "temporarily_unavailable";

    private VoiceFunctionBody() {
    }

    static String path(String function) {
        return "/v1/voice/functions/" + function;
    }

    public static String json(String function, String callId, String fromNumber, String toNumber, Map<String, Object> args) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call_id", callId);
        call.put("from_number", fromNumber);
        call.put("to_number", toNumber);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", function);
        body.put("call", call);
        body.put("args", args);
        return JsonText.of(body);
    }

    /** Whether an answer's {@code result} is the fallback sentence, however the service words the rest of it. */
    public static boolean isFallback(String result) {
        return result != null && result.contains(FALLBACK_SENTENCE);
    }
}
