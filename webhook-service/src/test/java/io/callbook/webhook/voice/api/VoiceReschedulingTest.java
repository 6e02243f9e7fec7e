package io.callbook.webhook.voice.api;

import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.Salon;
import io.callbook.webhook.VoiceBackends;
import io.callbook.webhook.voice.domain.VoiceFunctions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.callbook.webhook.voice.api.VoiceFunctionsTest.englishDay;
import static io.callbook.webhook.voice.api.VoiceFunctionsTest.germanDay;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * reschedule_appointment and list_my_appointments end to end (signed function calls against the real resolver- and
 * booking-service), and the functions' schemas for the agent configuration.
 */
@QuarkusTest
class VoiceReschedulingTest {

    /** Its own salons: these tests fill a hairdresser's days, which the other classes' expected free times must not see. */
    private static Salon salon;
    private static Salon english;

    @BeforeEach
    void salon() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (salon == null) {
            salon = Salon.create();
            english = Salon.create("en-GB");
            warmUp();
        }
    }

    /** First requests of a service can miss the one-second budget on a busy machine; live services are warm. */
    private static void warmUp() {
        String caller = mobile();
        for (Salon at : List.of(salon, english)) {
            Salon.warmUp(List.of(
                    () -> function(at, "book_appointment", "call-" + UUID.randomUUID(), Map.of("service", "Haircut",
                            "start", at.day(30) + "T12:00", "customer_name", "Warm Up"), caller),
                    () -> function(at, "list_my_appointments", "call-" + UUID.randomUUID(), Map.of(), caller),
                    () -> function(at, "reschedule_appointment", "call-" + UUID.randomUUID(),
                            Map.of("new_start", at.day(30) + "T13:00"), caller)));
        }
    }

    @Test
    void theCallersNextAppointmentIsMovedOnceHowOftenTheProviderRetries() {
        String caller = mobile();
        LocalDate first = salon.day(3);
        LocalDate second = salon.day(4);
        LocalDate target = salon.day(5);
        String moved = book(salon, caller, first, "10:00");
        String other = book(salon, caller, second, "10:00");

        String call = "call-" + UUID.randomUUID();
        Map<String, Object> args = Map.of("new_start", target + "T11:00");
        function(salon, "reschedule_appointment", call, args, caller).then().statusCode(200)
                .body("result", equalTo("Ihr Termin ist verschoben auf " + germanDay(target) + ", um 11 Uhr."))
                .body("appointment_id", equalTo(moved))
                .body("start", startsWith(target + "T11:00"))
                .body("staff_id", equalTo(salon.anna()));
        JsonPath stored = appointment(moved);
        assertEquals(at(target, "11:00"), Instant.parse(stored.getString("start")));
        long version = stored.getLong("version");

        // The retry: the caller's next appointment is now the other one, which must stay where it is.
        function(salon, "reschedule_appointment", call, args, caller).then().statusCode(200)
                .body("appointment_id", equalTo(moved))
                .body("result", equalTo("Ihr Termin ist verschoben auf " + germanDay(target) + ", um 11 Uhr."));
        assertEquals(version, appointment(moved).getLong("version"));
        assertEquals(at(second, "10:00"), Instant.parse(appointment(other).getString("start")));

        // Named by id, said as the caller says it; the retry changes nothing.
        Map<String, Object> byId = Map.of("appointment_id", other, "new_start", "in 6 Tagen um 9:30");
        String again = "call-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            function(salon, "reschedule_appointment", again, byId, caller).then().statusCode(200)
                    .body("result", equalTo("Ihr Termin ist verschoben auf " + germanDay(salon.day(6)) + ", um 9:30 Uhr."))
                    .body("appointment_id", equalTo(other));
        }
        JsonPath otherStored = appointment(other);
        assertEquals(at(salon.day(6), "09:30"), Instant.parse(otherStored.getString("start")));

        given().auth().oauth2(salon.admin()).get("/v1/calls").then().statusCode(200)
                .body("items.find { it.callId == '" + call + "' }.appointmentIds", equalTo(List.of(moved)))
                .body("items.find { it.callId == '" + again + "' }.appointmentIds", equalTo(List.of(other)));
    }

    @Test
    void aTakenTimeOffersTheNearestFreeOnesAndAnotherCallersAppointmentIsRefused() {
        String caller = mobile();
        String stranger = mobile();
        LocalDate day = salon.day(8);
        String own = book(salon, caller, day, "09:00");
        String strangers = book(salon, stranger, day, "14:00");

        function(salon, "reschedule_appointment", "call-" + UUID.randomUUID(),
                Map.of("new_start", day + "T14:00"), caller).then().statusCode(200)
                .body("error", equalTo("slot_taken"))
                .body("result", equalTo("Diese Zeit ist leider nicht mehr frei. Am " + germanDay(day) + ", kann ich "
                        + "Ihnen stattdessen 13 Uhr, 13:30 Uhr oder 14:30 Uhr anbieten."))
                .body("alternatives.size()", equalTo(3));
        assertEquals(at(day, "09:00"), Instant.parse(appointment(own).getString("start")));

        for (String from : List.of(caller, mobile())) {
            function(salon, "reschedule_appointment", "call-" + UUID.randomUUID(),
                    Map.of("appointment_id", strangers, "new_start", day + "T16:00"), from).then().statusCode(200)
                    .body("error", equalTo("not_callers_number"))
                    .body("appointment_id", nullValue());
        }
        function(salon, "reschedule_appointment", "call-" + UUID.randomUUID(),
                Map.of("appointment_id", strangers, "new_start", day + "T16:00"), "anonymous").then().statusCode(200)
                .body("error", equalTo("number_withheld"));
        function(salon, "reschedule_appointment", "call-" + UUID.randomUUID(),
                Map.of("new_start", day + "T16:00"), "anonymous").then().statusCode(200)
                .body("error", equalTo("number_withheld"));
        assertEquals(at(day, "14:00"), Instant.parse(appointment(strangers).getString("start")));

        function(salon, "reschedule_appointment", "call-" + UUID.randomUUID(), Map.of(), caller).then().statusCode(200)
                .body("missing", equalTo("new_start"))
                .body("result", equalTo("Auf wann möchten Sie Ihren Termin am " + germanDay(day)
                        + ", um 9 Uhr verschieben?"));
        function(salon, "reschedule_appointment", "call-" + UUID.randomUUID(), Map.of("new_start", day + "T12:00"),
                mobile()).then().statusCode(200)
                .body("error", equalTo("no_appointment"))
                .body("result", equalTo("Für diese Telefonnummer habe ich keinen anstehenden Termin gefunden."));
        given().auth().oauth2(salon.admin()).contentType(ContentType.JSON).body(Map.of("reason", "test"))
                .post(VoiceBackends.bookingUrl() + "/v1/appointments/{id}/cancel", own).then().statusCode(200);
        function(salon, "reschedule_appointment", "call-" + UUID.randomUUID(),
                Map.of("appointment_id", own, "new_start", day + "T12:00"), caller).then().statusCode(200)
                .body("error", equalTo("not_reschedulable"))
                .body("result", equalTo("Dieser Termin ist abgesagt oder schon vorbei und kann nicht mehr verschoben werden."));
    }

    @Test
    void theCallersUpcomingAppointmentsAreListedInTheBranchsLanguage() {
        String caller = mobile();
        String stranger = mobile();
        LocalDate day = salon.day(10);
        LocalDate next = salon.day(11);
        for (Salon at : List.of(salon, english)) {
            book(at, caller, next, "15:30");
            book(at, caller, day, "10:00");
            book(at, stranger, day, "11:00");
        }
        function(salon, "list_my_appointments", "call-" + UUID.randomUUID(), Map.of(), caller).then().statusCode(200)
                .body("result", equalTo("Sie haben zwei Termine: Haircut bei Anna Weber am " + germanDay(day)
                        + ", um 10 Uhr und Haircut bei Anna Weber am " + germanDay(next) + ", um 15:30 Uhr."))
                .body("count", equalTo(2))
                .body("more", equalTo(false))
                .body("appointments[0].start", startsWith(day + "T10:00"))
                .body("appointments[0].service_name", equalTo("Haircut"))
                .body("appointments[0].staff_name", equalTo("Anna Weber"))
                .body("appointments", everyItem(not(hasKey("customer_id"))))
                .body("appointments", everyItem(not(hasKey("email"))));
        function(english, "list_my_appointments", "call-" + UUID.randomUUID(), Map.of(), caller).then().statusCode(200)
                .body("result", equalTo("You have two appointments: Haircut with Anna Weber on " + englishDay(day)
                        + " at 10:00 and Haircut with Anna Weber on " + englishDay(next) + " at 15:30."));
        // Someone else's number named by the caller: refused, and nothing of theirs is read out.
        function(salon, "list_my_appointments", "call-" + UUID.randomUUID(), Map.of("phone", stranger), caller)
                .then().statusCode(200).body("error", equalTo("not_callers_number")).body("appointments", nullValue());
        function(english, "list_my_appointments", "call-" + UUID.randomUUID(), Map.of(), "anonymous")
                .then().statusCode(200).body("error", equalTo("number_withheld"))
                .body("result", startsWith("I'm sorry, your number is withheld."));

        // A long list is cut: the next five are read out.
        String busy = mobile();
        for (int i = 0; i < 6; i++) {
            book(salon, busy, salon.day(12), (10 + i) + ":00");
        }
        function(salon, "list_my_appointments", "call-" + UUID.randomUUID(), Map.of(), busy).then().statusCode(200)
                .body("result", startsWith("Ihre nächsten fünf Termine sind: Haircut bei Anna Weber am "
                        + germanDay(salon.day(12)) + ", um 10 Uhr, "))
                .body("count", equalTo(5))
                .body("more", equalTo(true))
                .body("appointments.size()", equalTo(5));
    }

    @Test
    void theFunctionsSchemasAreServedForEveryFunction() {
        JsonPath schemas = given().auth().oauth2(salon.admin()).get("/v1/voice/functions").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> tools = schemas.getList("general_tools");
        Set<String> names = new HashSet<>();
        for (Map<String, Object> tool : tools) {
            String name = (String) tool.get("name");
            names.add(name);
            assertEquals("custom", tool.get("type"), name);
            assertFalse(tool.containsKey("url"), name + ": a URL only for a named integration");
            assertTrue(tool.get("description") instanceof String description && !description.isBlank(), name);
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = (Map<String, Object>) tool.get("parameters");
            assertEquals("object", parameters.get("type"), name);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) parameters.get("properties");
            properties.forEach((property, schema) -> {
                assertEquals("string", schema.get("type"), name + "." + property);
                assertTrue(schema.get("description") instanceof String d && !d.isBlank(), name + "." + property);
            });
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) parameters.get("required");
            assertTrue(properties.keySet().containsAll(required), name + " requires " + required);
        }
        assertEquals(VoiceFunctions.NAMES, names);
        assertEquals(VoiceFunctions.NAMES.size(), tools.size());

        given().auth().oauth2(salon.admin()).queryParam("integration", salon.integration()).get("/v1/voice/functions")
                .then().statusCode(200)
                .body("general_tools.find { it.name == 'reschedule_appointment' }.url",
                        equalTo("http://localhost:" + RestAssured.port + "/v1/voice/functions/reschedule_appointment"
                                + "?integration=" + salon.integration()));
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("integration", salon.integration())
                .get("/v1/voice/functions").then().statusCode(200);
        // Another company's integration, or none at all: the same 404.
        for (String integration : List.of(english.integration(), UUID.randomUUID().toString())) {
            given().auth().oauth2(salon.admin()).queryParam("integration", integration).get("/v1/voice/functions")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().get("/v1/voice/functions").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent(UUID.fromString(salon.company()))).get("/v1/voice/functions")
                .then().statusCode(403);
        // The functions themselves are still reached under the same path.
        function(salon, "list_my_appointments", "call-" + UUID.randomUUID(), Map.of(), mobile()).then()
                .statusCode(200).body("count", equalTo(0))
                .body("result", equalTo("Für diese Telefonnummer habe ich keinen anstehenden Termin gefunden."));
    }

    private static String book(Salon at, String caller, LocalDate day, String time) {
        return function(at, "book_appointment", "call-" + UUID.randomUUID(), Map.of("service", "Haircut",
                "start", day + "T" + time, "staff", "Anna", "customer_name", "Kunde " + caller), caller)
                .then().statusCode(200).body("status", equalTo("confirmed")).extract().path("appointment_id");
    }

    private static JsonPath appointment(String id) {
        return given().auth().oauth2(salon.admin()).get(VoiceBackends.bookingUrl() + "/v1/appointments/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(Salon.BERLIN).toInstant();
    }

    private static String mobile() {
        return "+49173" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    }

    private static Response function(Salon at, String name, String callId, Map<String, Object> args, String from) {
        return at.function(name, callId, args, from);
    }
}
