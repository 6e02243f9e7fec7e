package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.callbook.common.security.Hashes;

import java.util.Map;

/**
 * The Idempotency-Key of a function's booking: the provider retries a function call with the same call, function and
 * arguments, so those make the key, and booking-service returns the first appointment for a retry.
 */
final class IdempotencyKeys {

    /** Sorted keys at every level: a retry that lists the arguments in another order is still the same request. */
    private final ObjectMapper canonicalJson;

    IdempotencyKeys(ObjectMapper json) {
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** SHA-256 hex of call id, function name and the canonical arguments. */
    String of(String callId, String function, JsonNode args) {
        try {
            Object plain = args == null || args.isNull() || args.isMissingNode() ? Map.of()
                    : canonicalJson.convertValue(args, Object.class);
            return Hashes.sha256Hex(callId + "\n" + function + "\n" + canonicalJson.writeValueAsString(plain));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Arguments read from JSON can be written as JSON", e);
        }
    }
}
