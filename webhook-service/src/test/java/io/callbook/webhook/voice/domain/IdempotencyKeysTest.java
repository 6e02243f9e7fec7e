package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdempotencyKeysTest {

    private final ObjectMapper json = new ObjectMapper();
    private final IdempotencyKeys keys = new IdempotencyKeys(json);

    @Test
    void aRetryInAnyKeyOrderMakesTheSameKey() throws Exception {
        String first = keys.of("call-1", "book_appointment",
                json.readTree("{\"service\":\"Haircut\",\"start\":\"2026-12-01T10:00\",\"extra\":{\"b\":1,\"a\":2}}"));
        String retried = keys.of("call-1", "book_appointment",
                json.readTree("{\"extra\":{\"a\":2,\"b\":1},\"start\":\"2026-12-01T10:00\",\"service\":\"Haircut\"}"));
        assertEquals(first, retried);
        assertEquals(64, first.length());
    }

    @Test
    void anotherCallFunctionOrArgumentMakesAnotherKey() throws Exception {
        var args = json.readTree("{\"service\":\"Haircut\",\"start\":\"2026-12-01T10:00\"}");
        String key = keys.of("call-1", "book_appointment", args);
        assertNotEquals(key, keys.of("call-2", "book_appointment", args));
        assertNotEquals(key, keys.of("call-1", "cancel_appointment", args));
        assertNotEquals(key, keys.of("call-1", "book_appointment",
                json.readTree("{\"service\":\"Haircut\",\"start\":\"2026-12-01T10:30\"}")));
        assertEquals(keys.of("call-1", "book_appointment", null), keys.of("call-1", "book_appointment", json.nullNode()));
    }
}
