package io.callbook.webhook.voice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.Salon;
import io.callbook.webhook.VoiceBackends;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The voice functions touch only the caller's own customer data: another number, another caller's appointment or a
 * withheld number get a polite German refusal and nothing else, unless the company opts in; and no answer carries an
 * e-mail address. Signed function calls in the provider's wire format, against the real resolver- and booking-service.
 */
@QuarkusTest
class CallerScopeTest {

    private static final String POLICY = "/v1/companies/{c}/voice-policy";

    /** Its own salon: one test here changes the company's policy, which the other test classes must not see. */
    private static Salon salon;

    @BeforeEach
    void salon() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (salon == null) {
            salon = Salon.create();
            warmUp();
        }
    }

    /** First requests of a service can miss the one-second budget on a busy machine; live services are warm. */
    private static void warmUp() {
        String caller = mobile();
        Salon.warmUp(List.of(
                () -> function("find_customer", Map.of(), caller),
                () -> function("book_appointment", Map.of("service", "Haircut", "start", salon.day(30) + "T12:00",
                        "customer_name", "Warm Up"), caller),
                () -> function("cancel_appointment", Map.of(), caller)));
    }

    @Test
    void anotherCallersCustomerAndAppointmentsAreRefusedPolitelyInGerman() {
        String vera = mobile();
        String mallory = mobile();
        String appointment = book(vera, "Vera Brandt", 7, "11:00");

        Response found = function("find_customer", Map.of("phone", vera), mallory);
        found.then().statusCode(200)
                .body("error", equalTo("not_callers_number"))
                .body("result", containsString("aus Datenschutzgründen"))
                .body("customer", nullValue())
                .body("found", nullValue());
        assertFalse(found.asString().contains("Vera"), found.asString());
        // A number that is nobody's gets the same answer: the refusal says nothing about who is a customer.
        function("find_customer", Map.of("phone", mobile()), mallory).then()
                .body("error", equalTo("not_callers_number"));
        function("find_customer", Map.of("customer_phone", national(vera)), mallory).then()
                .body("error", equalTo("not_callers_number"));

        function("cancel_appointment", Map.of("phone", vera), mallory).then().statusCode(200)
                .body("error", equalTo("not_callers_number")).body("status", nullValue());
        function("cancel_appointment", Map.of("appointment_id", appointment), mallory).then().statusCode(200)
                .body("error", equalTo("not_callers_number")).body("status", nullValue());
        function("find_customer", Map.of("phone", vera), "anonymous").then().statusCode(200)
                .body("error", equalTo("number_withheld")).body("result", containsString("Rufnummer ist unterdrückt"));
        function("cancel_appointment", Map.of("appointment_id", appointment), "anonymous").then()
                .body("error", equalTo("number_withheld"));
        given().auth().oauth2(salon.admin()).get(VoiceBackends.bookingUrl() + "/v1/appointments/{id}", appointment)
                .then().statusCode(200).body("status", equalTo("confirmed"));

        // Vera herself, also when the agent passes on her number the way she says it.
        function("find_customer", Map.of("phone", national(vera)), vera).then().statusCode(200)
                .body("found", equalTo(true)).body("customer.name", equalTo("Vera Brandt"));
        function("cancel_appointment", Map.of("appointment_id", appointment), vera).then().statusCode(200)
                .body("appointment_id", equalTo(appointment)).body("status", equalTo("cancelled"));
    }

    @Test
    void theAgentIsToldNoEmailAddress() {
        String caller = mobile();
        book(caller, "Emma Schulz", 8, "10:00");
        given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(Map.of("phone", caller, "email", "emma.schulz@example.org"))
                .post(VoiceBackends.bookingUrl() + "/v1/companies/{c}/customers", salon.company())
                .then().statusCode(200).body("email", equalTo("emma.schulz@example.org"));

        Response found = function("find_customer", Map.of(), caller);
        found.then().statusCode(200)
                .body("customer.name", equalTo("Emma Schulz"))
                .body("customer.phone", equalTo(caller))
                .body("customer.email", nullValue());
        assertFalse(found.asString().contains("@"), found.asString());
    }

    @Test
    void aCompanyThatOptsInLetsTheAgentActOnOtherNumbers() {
        String vera = mobile();
        String reception = mobile();
        String appointment = book(vera, "Vera Albers", 9, "11:00");
        given().auth().oauth2(salon.admin()).get(POLICY, salon.company()).then().statusCode(200)
                .body("otherNumbersAllowed", equalTo(false));

        policy(true).then().statusCode(200).body("otherNumbersAllowed", equalTo(true))
                .body("companyId", equalTo(salon.company()));
        try {
            given().auth().oauth2(salon.admin()).get(POLICY, salon.company()).then()
                    .body("otherNumbersAllowed", equalTo(true));
            function("find_customer", Map.of("phone", vera), reception).then().statusCode(200)
                    .body("customer.name", equalTo("Vera Albers")).body("customer.email", nullValue());
            function("cancel_appointment", Map.of("phone", national(vera)), reception).then().statusCode(200)
                    .body("appointment_id", equalTo(appointment)).body("status", equalTo("cancelled"));
        } finally {
            policy(false).then().statusCode(200).body("otherNumbersAllowed", equalTo(false));
        }
        function("find_customer", Map.of("phone", vera), reception).then()
                .body("error", equalTo("not_callers_number"));
    }

    @Test
    void onlyTheCompanysAdminsSeeAndSetThePolicy() {
        String agent = TestTokens.agent(UUID.fromString(salon.company()));
        given().auth().oauth2(agent).get(POLICY, salon.company()).then().statusCode(403);
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("otherNumbersAllowed", true))
                .put(POLICY, salon.company()).then().statusCode(403);
        String stranger = TestTokens.tenantAdmin(UUID.randomUUID());
        given().auth().oauth2(stranger).get(POLICY, salon.company()).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("otherNumbersAllowed", true))
                .put(POLICY, salon.company()).then().statusCode(404);
        given().auth().oauth2(salon.admin()).contentType(ContentType.JSON).body(Map.of())
                .put(POLICY, salon.company()).then().statusCode(400).contentType("application/problem+json");
        // A company that never set it has the default.
        given().auth().oauth2(TestTokens.platformAdmin()).get(POLICY, UUID.randomUUID()).then().statusCode(200)
                .body("otherNumbersAllowed", equalTo(false)).body("updatedAt", nullValue());
    }

    private static Response policy(boolean otherNumbersAllowed) {
        return given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(Map.of("otherNumbersAllowed", otherNumbersAllowed)).put(POLICY, salon.company());
    }

    private static String book(String caller, String name, int daysAhead, String time) {
        return function("book_appointment", Map.of("service", "Haircut", "start", salon.day(daysAhead) + "T" + time,
                "customer_name", name), caller)
                .then().statusCode(200).body("status", equalTo("confirmed")).extract().path("appointment_id");
    }

    private static String mobile() {
        return "+49170" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    }

    /** As a German caller says it: 0170 1234567. */
    private static String national(String e164) {
        return "0" + e164.substring(3, 6) + " " + e164.substring(6);
    }

    private static Response function(String name, Map<String, Object> args, String from) {
        try {
            String body = new ObjectMapper().writeValueAsString(Map.of("name", name,
                    "call", Map.of("call_id", "call-" + UUID.randomUUID(), "from_number", from,
                            "to_number", salon.number(), "agent_id", "agent_1"),
                    "args", args));
            return given().contentType(ContentType.JSON)
                    .header(RetellSignature.HEADER, RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8),
                            salon.key(), Instant.now()))
                    .body(body).post("/v1/voice/functions/" + name + "?integration={i}", salon.integration());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
