package io.callbook.webhook.integration.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Provider bodies are read from the raw bytes the signature covers, so they are parsed here rather than by JAX-RS. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** @throws MalformedBody unless the text is one JSON object */
    public static JsonNode object(ObjectMapper json, String raw) {
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw malformed("The body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed("The body is not valid JSON");
        }
    }

    private static MalformedBody malformed(String detail) {
        return new MalformedBody(detail);
    }
}
