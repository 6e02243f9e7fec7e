package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a booking's fallback tells the agent, on real Redis: "can't check" only when no attempt of the same booking
 * went unanswered, on any replica; "unconfirmed" (ask again with the same arguments) whenever one may have been made.
 */
@QuarkusTest
class UnconfirmedBookingsTest {

    @Inject
    VoiceFunctions functions;
    @Inject
    UnconfirmedBookings unconfirmed;
    @Inject
    ObjectMapper json;
    @Inject
    RedisDataSource redis;

    @Test
    void aBookingIsInDoubtOnceAnAttemptOfItWentUnanswered() throws Exception {
        CallContext call = new CallContext(UUID.randomUUID(), UUID.randomUUID(), "call-" + UUID.randomUUID(),
                "+4917012345678", "+4930123456");
        JsonNode args = json.readTree("{\"service\":\"Haarschnitt\",\"start\":\"morgen um 10\",\"customer_name\":\"Clara\"}");

        // The circuit was open from the start: nothing was ever sent.
        assertEquals("temporarily_unavailable", error(functions.unavailable("book_appointment", call, args,
                new CircuitBreakerOpenException("open"))));

        // An attempt ran out of time after it was sent: the booking may exist ...
        VoiceAnswer late = functions.unavailable("book_appointment", call, args, new TimeoutException("900 ms"));
        assertEquals("booking_unconfirmed", error(late));
        assertEquals("Einen Moment bitte, ich prüfe noch, ob Ihr Termin eingetragen ist.", late.result());
        // ... so the next attempt that finds the circuit open must not say it could not book.
        assertEquals("booking_unconfirmed", error(functions.unavailable("book_appointment", call, args,
                new CircuitBreakerOpenException("open"))));

        // Other arguments are another booking; other functions only read, and have nothing to confirm.
        JsonNode later = json.readTree("{\"service\":\"Haarschnitt\",\"start\":\"morgen um 11\",\"customer_name\":\"Clara\"}");
        assertEquals("temporarily_unavailable", error(functions.unavailable("book_appointment", call, later,
                new CircuitBreakerOpenException("open"))));
        assertEquals("temporarily_unavailable", error(functions.unavailable("check_availability", call, args,
                new TimeoutException("900 ms"))));
    }

    @Test
    void anUnansweredBookingIsKeptInRedisForLongerThanACall() {
        String key = "key-" + UUID.randomUUID();
        assertFalse(unconfirmed.mayExist(key));
        unconfirmed.remember(key);
        assertTrue(unconfirmed.mayExist(key));
        long ttl = redis.key(String.class).ttl("callbook:voice:unconfirmed-booking:" + key);
        assertTrue(ttl > 25 * 60 && ttl <= 30 * 60, "seconds left: " + ttl);
    }

    private static String error(VoiceAnswer answer) {
        return String.valueOf(answer.details().get("error"));
    }
}
