package io.callbook.loadtest.mix;

import io.callbook.loadtest.harness.JsonText;
import io.callbook.loadtest.webhooks.VoiceCallBody;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The voice provider's inbound-call hook as it asks before the agent speaks, {@code POST /v1/voice/inbound} with body
 * {@code {from_number, to_number, agent_id}}: the one place to adjust when the provider's shape moves.
 */
public final class VoiceInboundBody {

    private VoiceInboundBody() {
    }

    public static String json(String fromNumber, String toNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from_number", fromNumber);
        body.put("to_number", toNumber);
        body.put("agent_id", VoiceCallBody.AGENT_ID);
        return JsonText.of(body);
    }
}
