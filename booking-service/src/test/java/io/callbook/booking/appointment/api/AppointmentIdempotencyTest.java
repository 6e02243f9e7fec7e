package io.callbook.booking.appointment.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.appointment.domain.Appointment;
import io.callbook.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class AppointmentIdempotencyTest {

    @Inject
    BookingFixtures fixtures;

    private AppointmentKit kit;

    @BeforeEach
    void tenant() {
        kit = AppointmentKit.create(fixtures);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheOriginal() {
        String key = "retell-call-1:book_appointment:" + UUID.randomUUID();
        Map<String, Object> body = kit.body(kit.at(0));
        String id = kit.postWithKey(kit.agent(), key, body).statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        kit.postWithKey(kit.agent(), key, body).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/v1/appointments/" + id))
                .body("id", equalTo(id));
        assertEquals(1, kit.rows());
        assertEquals(1, kit.outboxRows(), "a replay publishes nothing");
        Appointment row = kit.appointment(id);
        assertEquals(key, row.idempotencyKey);
        assertEquals(64, row.requestHash.length());
    }

    @Test
    void theSameRequestSpeltDifferentlyIsStillTheSameRequest() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = kit.body(kit.at(0));
        String id = kit.postWithKey(kit.admin(), key, body).statusCode(201).extract().path("id");
        Map<String, Object> respelt = new HashMap<>(body);
        // Same instant in UTC instead of Berlin time, same values with stray whitespace.
        respelt.put("start", OffsetDateTime.ofInstant(kit.at(0), ZoneOffset.UTC).toString());
        respelt.put("customer", Map.of("phone", " +49 30 1234567 ", "name", "Erika Mustermann "));
        kit.postWithKey(kit.admin(), key, respelt).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        kit.postWithKey(kit.agent(), key, kit.body(kit.at(0))).statusCode(201);
        Map<String, Object> other = kit.body(kit.at(0));
        other.put("notes", "something else");
        kit.postWithKey(kit.agent(), key, other).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused"));
        kit.postWithKey(kit.agent(), key, kit.body(kit.at(120))).statusCode(422);
        assertEquals(1, kit.rows());
    }

    @Test
    void aRefusedRequestLeavesTheKeyFreeForItsRetry() {
        kit.book(kit.at(0));
        String key = UUID.randomUUID().toString();
        kit.postWithKey(kit.agent(), key, kit.body(kit.at(0))).statusCode(409);
        // Nothing was stored under the key: a corrected request may use it.
        kit.postWithKey(kit.agent(), key, kit.body(kit.at(60))).statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void keysBelongToOneCompany() {
        String key = UUID.randomUUID().toString();
        String mine = kit.postWithKey(kit.agent(), key, kit.body(kit.at(0))).statusCode(201).extract().path("id");
        AppointmentKit other = AppointmentKit.create(fixtures);
        String theirs = other.postWithKey(TestTokens.agent(other.company), key, other.body(other.at(0))).statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(mine, theirs);
        long withKey = QuarkusTransaction.requiringNew().call(() -> Appointment.count("idempotencyKey", key));
        assertEquals(2, withKey);
    }
}
