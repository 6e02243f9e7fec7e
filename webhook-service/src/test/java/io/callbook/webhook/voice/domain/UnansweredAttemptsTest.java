package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.webhook.Salon;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.VoiceBackends;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an unanswered attempt of a voice function leaves for the agent's next one, on real Redis and the real
 * booking-service: a booking stays in doubt, and a cancellation stays on the appointment it chose.
 */
@QuarkusTest
class UnansweredAttemptsTest {

    @Inject
    VoiceFunctions functions;
    @Inject
    UnansweredAttempts unanswered;
    @Inject
    ObjectMapper json;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    CallBookings callBookings;
    @Inject
    CircuitBreakerMaintenance breakers;

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
        long ttl = redis.key(String.class).ttl("callbook:voice:unanswered:"
                + new IdempotencyKeys(json).of(call.callId(), "book_appointment", args)).await().indefinitely();
        assertTrue(ttl > 25 * 60 && ttl <= 30 * 60, "kept longer than a call, seconds left: " + ttl);

        // Other arguments are another booking; other functions only read, and have nothing to confirm.
        JsonNode later = json.readTree("{\"service\":\"Haarschnitt\",\"start\":\"morgen um 11\",\"customer_name\":\"Clara\"}");
        assertEquals("temporarily_unavailable", error(functions.unavailable("book_appointment", call, later,
                new CircuitBreakerOpenException("open"))));
        assertEquals("temporarily_unavailable", error(functions.unavailable("check_availability", call, args,
                new TimeoutException("900 ms"))));
    }

    /**
     * A function that waited too long for a worker thread is answered at once and sends nothing, like one that finds
     * the circuit open: it leaves no booking in doubt, but still tells a booking in doubt from an earlier attempt.
     */
    @Test
    void aFunctionThatWaitedTooLongForAThreadAsksNoServiceAndKeepsAnEarlierBookingInDoubt() throws Exception {
        CallContext call = new CallContext(UUID.randomUUID(), UUID.randomUUID(), "call-" + UUID.randomUUID(),
                "+4917012345678", "+4930123456");
        JsonNode args = json.readTree("{\"service\":\"Haarschnitt\",\"start\":\"morgen um 10\",\"customer_name\":\"Clara\"}");

        VoiceAnswer check = functions.notAttempted("check_availability", call, args);
        assertEquals("temporarily_unavailable", error(check));
        assertEquals("Das kann ich gerade leider nicht nachsehen. Bitte versuchen Sie es gleich noch einmal.",
                check.result());
        assertEquals("temporarily_unavailable", error(functions.notAttempted("book_appointment", call, args)));
        assertEquals(Optional.empty(), unanswered.noted(new IdempotencyKeys(json).of(call.callId(), "book_appointment",
                args)), "nothing was sent, so nothing is in doubt");

        functions.unavailable("book_appointment", call, args, new TimeoutException("900 ms"));
        assertEquals("booking_unconfirmed", error(functions.notAttempted("book_appointment", call, args)));

        assertThrows(UnknownVoiceFunction.class, () -> functions.notAttempted("order_pizza", call, args));
    }

    @Test
    void aCancellationAskedAgainAfterNoAnswerCancelsTheSameAppointmentNotTheNextOne() throws Exception {
        Salon salon = Salon.create();
        String caller = "+49170" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String first = book(salon, caller, 8);
        String second = book(salon, caller, 9);

        // An attempt chose the caller's next appointment and noted it, booking-service cancelled it, and the answer
        // never reached the agent.
        String call = "call-" + UUID.randomUUID();
        String attempt = new IdempotencyKeys(json).of(call, "cancel_appointment", json.readTree("{}"));
        unanswered.note(attempt, first);
        given().auth().oauth2(salon.admin()).contentType(ContentType.JSON).body(Map.of("reason", "lost answer"))
                .post(VoiceBackends.bookingUrl() + "/v1/appointments/{id}/cancel", first).then().statusCode(200);
        assertEquals(Optional.of(first), unanswered.noted(attempt));

        // The agent asks again with the same arguments: the same appointment is the one cancelled, and it is told so.
        salon.function("cancel_appointment", call, Map.of(), caller).then().statusCode(200)
                .body("appointment_id", equalTo(first)).body("status", equalTo("cancelled"));
        status(salon, second, "confirmed");
        assertEquals(Optional.empty(), unanswered.noted(attempt));

        // That attempt was answered: asked once more, the caller's next appointment is cancelled.
        salon.function("cancel_appointment", call, Map.of(), caller).then().statusCode(200)
                .body("appointment_id", equalTo(second)).body("status", equalTo("cancelled"));
    }

    /**
     * booking-service made a booking but its answer was lost, and now it does not answer at all (SIGSTOP: every
     * attempt runs into the gateway's time-out, then into the open circuit). The agent's next attempt is told the
     * appointment from the booking's event; a second booking of the same time in the same call is not.
     */
    @Test
    void aBookingWhoseAnswerWasLostIsToldFromItsEventWhileBookingServiceDoesNotAnswer() throws Exception {
        Salon salon = Salon.create();
        String caller = "+49170" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String call = "call-" + UUID.randomUUID();
        LocalDate day = salon.day(11);
        Map<String, Object> args = Map.of("service", "Haircut", "start", day + "T10:00", "customer_name", "Clara Meyer");
        // The catalog is cached as in any call that checked a time before booking it.
        Salon.warmUp(List.of(() -> salon.function("check_availability", call, Map.of("service", "Haircut",
                "date", day.toString()), caller)));
        String made = given().auth().oauth2(TestTokens.agent(UUID.fromString(salon.company())))
                .contentType(ContentType.JSON).header("Idempotency-Key", "lost-" + call)
                .body(Map.of("branchId", salon.branch(), "serviceId", salon.haircut(),
                        "start", day.atTime(10, 0).atZone(Salon.BERLIN).toOffsetDateTime().toString(),
                        "customer", Map.of("phone", caller, "name", "Clara Meyer"),
                        "source", VoiceBooking.SOURCE, "externalRef", call))
                .post(VoiceBackends.bookingUrl() + "/v1/appointments").then().statusCode(201).extract().path("id");
        UUID company = UUID.fromString(salon.company());
        await().atMost(Duration.ofSeconds(30)).until(() -> callBookings.of(company, call).stream()
                .anyMatch(a -> a.id().toString().equals(made)));

        long pid = Long.parseLong(System.getProperty(VoiceBackends.BOOKING_PID));
        signal("STOP", pid);
        try {
            // An attempt that a slow machine keeps past the voice budget is in doubt; the next one finds the circuit
            // open and answers at once.
            Response told = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> salon.function("book_appointment", call, args, caller),
                            answer -> answer.statusCode() != 200 || !Salon.isFallback(answer.asString()));
            told.then().statusCode(200).body("appointment_id", equalTo(made)).body("status", equalTo("confirmed"))
                    .body("result", containsString("ist gebucht"));
            // Told once, it answers no other booking: the same time for someone else in this call is in doubt.
            Response other = salon.function("book_appointment", call, Map.of("service", "Haircut",
                    "start", day + "T10:00", "customer_name", "Jonas Meyer"), caller);
            other.then().statusCode(200).body("appointment_id", nullValue());
            assertTrue(Salon.isFallback(other.asString()), other.asString());
        } finally {
            signal("CONT", pid);
            breakers.resetAll();
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor());
    }

    private static String book(Salon salon, String caller, int daysAhead) {
        String call = "call-" + UUID.randomUUID();
        Map<String, Object> args = Map.of("service", "Haircut", "start", salon.day(daysAhead) + "T10:00",
                "customer_name", "Kunde " + caller);
        // a just-started service may answer a first booking with a fallback; the same arguments book once
        Response booked = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> salon.function("book_appointment", call, args, caller),
                        answer -> answer.statusCode() != 200 || !Salon.isFallback(answer.asString()));
        return booked.then().statusCode(200).body("status", equalTo("confirmed")).extract().path("appointment_id");
    }

    private static void status(Salon salon, String appointment, String expected) {
        given().auth().oauth2(salon.admin()).get(VoiceBackends.bookingUrl() + "/v1/appointments/{id}", appointment)
                .then().statusCode(200).body("status", equalTo(expected));
    }

    private static String error(VoiceAnswer answer) {
        return String.valueOf(answer.details().get("error"));
    }
}
