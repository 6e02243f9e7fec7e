package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.JsonText;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A voice function call as the voice platform sends it mid-call, {@code POST /v1/voice/functions/{name}} with body
 * {@code {name, call: {call_id, from_number, to_number}, args}}: the one place to adjust when the provider's shape
 * moves.
 */
public final class VoiceFunctionBody {

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
}
