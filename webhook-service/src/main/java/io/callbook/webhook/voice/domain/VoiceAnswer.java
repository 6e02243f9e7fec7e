package io.callbook.webhook.voice.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a voice function answers: one short sentence the agent can speak, and the structured facts behind it for the
 * agent's next step (ids, times). Keys are snake_case, as the provider's agents read them.
 */
public record VoiceAnswer(String result, Map<String, Object> details) {

    public static VoiceAnswer say(String sentence) {
        return new VoiceAnswer(sentence, Map.of());
    }

    public VoiceAnswer with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new VoiceAnswer(result, more);
    }
}
