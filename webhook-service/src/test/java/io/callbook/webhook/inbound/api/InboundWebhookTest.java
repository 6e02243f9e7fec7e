package io.callbook.webhook.inbound.api;

import io.callbook.devstack.Devstack;
import io.callbook.testsupport.ApiDocumentation;
import io.callbook.testsupport.ManagementPort;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.Salon;
import io.callbook.webhook.signing.domain.CalSignature;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InboundWebhookTest {

    /** A calendar integration names a branch, service and staff member booking-service knows: this salon's. */
    private static Salon salon;

    @Inject
    EntityManager entityManager;

    private UUID company;
    private String voice;
    private String voiceKey;
    private String calendar;
    private String calendarSecret;

    @BeforeEach
    void integrations() {
        if (salon == null) {
            salon = Salon.create();
        }
        company = UUID.fromString(salon.company());
        String admin = TestTokens.tenantAdmin(company);
        voiceKey = "key_" + UUID.randomUUID().toString().replace("-", "");
        voice = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("provider", "voice", "name", "Retell", "secret", voiceKey))
                .post("/v1/companies/{c}/integrations", company)
                .then().statusCode(201).body("secret", equalTo(voiceKey))
                .extract().path("id");
        var created = Salon.createIntegration(admin, salon.company(), Map.of("provider", "calendar", "name", "Cal.com",
                        "branchId", salon.branch(), "serviceId", salon.haircut()))
                .then().statusCode(201).body("secret", notNullValue()).extract();
        calendar = created.path("id");
        calendarSecret = created.path("secret");
    }

    @Test
    void aSignedCallEventIsStoredOnceAndAcknowledged() {
        String body = callEvent("call_started", "call-" + UUID.randomUUID());
        String id = sendVoice(body, RetellSignature.sign(bytes(body), voiceKey, Instant.now()))
                .then().statusCode(202).body("status", equalTo("received")).body("duplicate", equalTo(false))
                .extract().path("id");
        // The provider retries (same event, new signature time): acknowledged, not stored or processed again.
        sendVoice(body, RetellSignature.sign(bytes(body), voiceKey, Instant.now().plusSeconds(1)))
                .then().statusCode(200).body("id", equalTo(id)).body("duplicate", equalTo(true));
        assertEquals(1L, count("select count(*) from inbound_events where id = '" + id + "'"));
        // Processed once, and other consumers hear of it once.
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from inbound_events where id = '" + id + "' and status = 'done'") == 1);
        assertEquals(1L, count("select count(*) from outbox where payload->>'inboundEventId' = '" + id + "'"));
    }

    @Test
    void badSignaturesAreRefusedAndNothingIsStored() {
        String body = callEvent("call_ended", "call-" + UUID.randomUUID());
        sendVoice(body, RetellSignature.sign(bytes(body), "another key", Instant.now()))
                .then().statusCode(401).contentType("application/problem+json");
        sendVoice(body, RetellSignature.sign(bytes(body), voiceKey, Instant.now().minus(Duration.ofMinutes(6))))
                .then().statusCode(401).body("detail", equalTo("signature timestamp is more than 5 minutes off"));
        sendVoice(body, null).then().statusCode(401);
        given().contentType(ContentType.JSON).header(RetellSignature.HEADER, RetellSignature.sign(bytes(body), voiceKey,
                        Instant.now())).body(body)
                .post("/v1/webhooks/voice?integration={i}", UUID.randomUUID()).then().statusCode(401);
        assertEquals(0L, count("select count(*) from inbound_events where integration_id = '" + voice + "'"));
    }

    @Test
    void malformedUnknownAndOversizedBodies() {
        String broken = "{\"event\": \"call_started\", ";
        sendVoice(broken, RetellSignature.sign(bytes(broken), voiceKey, Instant.now()))
                .then().statusCode(400).contentType("application/problem+json");
        String noCall = "{\"event\":\"call_started\"}";
        sendVoice(noCall, RetellSignature.sign(bytes(noCall), voiceKey, Instant.now())).then().statusCode(400);

        String unknown = "{\"event\":\"chat_started\",\"chat\":{\"chat_id\":\"x\"}}";
        sendVoice(unknown, RetellSignature.sign(bytes(unknown), voiceKey, Instant.now()))
                .then().statusCode(202).body("status", equalTo("ignored"));

        String huge = "{\"event\":\"call_started\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}";
        sendVoice(huge, RetellSignature.sign(bytes(huge), voiceKey, Instant.now()))
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void everyProviderEndpointNamesAMissingIntegration() {
        String body = callEvent("call_started", "call-" + UUID.randomUUID());
        long stored = count("select count(*) from inbound_events");
        for (String path : List.of("/v1/webhooks/voice", "/v1/webhooks/calendar", "/v1/voice/inbound",
                "/v1/voice/functions/check_availability")) {
            given().contentType(ContentType.JSON).header(RetellSignature.HEADER,
                            RetellSignature.sign(bytes(body), voiceKey, Instant.now())).body(body)
                    .post(path).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://callbook.io/problems/validation"))
                    .body("violations[0].field", equalTo("integration"))
                    .body("violations[0].message", equalTo("name the integration: ?integration=<id>"))
                    .body("detail", equalTo("integration: name the integration: ?integration=<id>"));
        }
        assertEquals(stored, count("select count(*) from inbound_events"));
    }

    @Test
    void calendarBookingsAreDedupedByUidAndTrigger() {
        String uid = "bk_" + UUID.randomUUID();
        String created = calendarEvent("BOOKING_CREATED", uid, "2026-12-01T09:00:00Z");
        sendCalendar(created, CalSignature.sign(bytes(created), calendarSecret)).then().statusCode(202);
        sendCalendar(created, CalSignature.sign(bytes(created), calendarSecret)).then().statusCode(200);
        String moved = calendarEvent("BOOKING_RESCHEDULED", uid, "2026-12-02T09:00:00Z");
        sendCalendar(moved, CalSignature.sign(bytes(moved), calendarSecret)).then().statusCode(202);
        sendCalendar(moved, CalSignature.sign(bytes(moved), "wrong")).then().statusCode(401);
        sendCalendar(moved, null).then().statusCode(401).body("detail", equalTo("missing X-Cal-Signature-256 header"));
    }

    @Test
    void aCalendarIntegrationNamesWhereItsBookingsGo() {
        String admin = TestTokens.tenantAdmin(company);
        UUID branch = UUID.fromString(salon.branch());
        UUID service = UUID.fromString(salon.haircut());
        UUID staff = UUID.fromString(salon.anna());
        String id = Salon.createIntegration(admin, salon.company(), Map.of("provider", "calendar", "name", "Cal.com",
                        "branchId", branch, "serviceId", service, "staffId", staff)).then().statusCode(201)
                .body("branchId", equalTo(branch.toString())).body("staffId", equalTo(staff.toString()))
                .extract().path("id");
        given().auth().oauth2(admin).get("/v1/companies/{c}/integrations/{i}", company, id).then().statusCode(200)
                .body("branchId", equalTo(branch.toString()))
                .body("serviceId", equalTo(service.toString()))
                .body("staffId", equalTo(staff.toString()));
        given().auth().oauth2(admin).get("/v1/companies/{c}/integrations/{i}", company, calendar).then()
                .body("staffId", nullValue()); // any free staff member

        for (Map<String, Object> incomplete : List.of(Map.<String, Object>of(), Map.<String, Object>of("branchId", branch),
                Map.<String, Object>of("serviceId", service, "staffId", staff))) {
            Map<String, Object> body = new HashMap<>(incomplete);
            body.put("provider", "calendar");
            body.put("name", "Cal.com");
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                    .post("/v1/companies/{c}/integrations", company).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("detail", containsString("branchId and serviceId"));
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("provider", "calendar", "name", "Cal.com", "branchId", "branch-1", "serviceId", service))
                .post("/v1/companies/{c}/integrations", company).then().statusCode(400)
                .contentType("application/problem+json");
        // Voice integrations take no binding.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("provider", "voice", "name", "Retell", "branchId", branch))
                .post("/v1/companies/{c}/integrations", company).then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).get("/v1/companies/{c}/integrations/{i}", company, voice).then().statusCode(200)
                .body("branchId", nullValue()).body("serviceId", nullValue());
    }

    @Test
    void webhooksAreAcceptedWhileKafkaIsDown() {
        Devstack stack = Devstack.shared();
        stack.stopKafka();
        try {
            String body = callEvent("call_ended", "call-" + UUID.randomUUID());
            String id = sendVoice(body, RetellSignature.sign(bytes(body), voiceKey, Instant.now()))
                    .then().statusCode(202).extract().path("id");
            // Processing needs no Kafka; only the news of it waits for Kafka, in the outbox.
            await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "select count(*) from inbound_events where id = '" + id + "' and status = 'done'") == 1);
            assertEquals(1L, count("select count(*) from outbox where published_at is null and payload->>'inboundEventId' = '"
                    + id + "'"));
            stack.startKafka();
            await().atMost(Duration.ofSeconds(60)).until(() -> count(
                    "select count(*) from outbox where published_at is not null and payload->>'inboundEventId' = '" + id + "'") == 1);
        } finally {
            if (!stack.isKafkaRunning()) {
                stack.startKafka();
            }
        }
    }

    @Test
    void secretsAreNeverShownAgainAndTenantsAreKeptApart() {
        given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/companies/{c}/integrations/{i}", company, voice)
                .then().statusCode(200).body("secret", nullValue());
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID()))
                .get("/v1/companies/{c}/integrations/{i}", company, voice).then().statusCode(404);
        given().auth().oauth2(TestTokens.agent(company)).get("/v1/companies/{c}/integrations", company)
                .then().statusCode(403);
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select secret_sealed from integrations where id = '" + voice + "'").getSingleResult());
        assertEquals(-1, stored.indexOf(voiceKey), "the secret is stored sealed");
    }

    @Test
    void everyOperationIsDocumentedWithItsProblems() {
        ApiDocumentation.assertComplete(given().port(ManagementPort.get()).get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    private io.restassured.response.Response sendVoice(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header(RetellSignature.HEADER, signature);
        }
        return request.post("/v1/webhooks/voice?integration={i}", voice);
    }

    private io.restassured.response.Response sendCalendar(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header(CalSignature.HEADER, signature);
        }
        return request.post("/v1/webhooks/calendar?integration={i}", calendar);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static String callEvent(String event, String callId) {
        return """
                {"event":"%s","call":{"call_id":"%s","from_number":"+4917012345678","to_number":"+49301234567",\
                "agent_id":"agent_1","start_timestamp":1795400000000}}""".formatted(event, callId);
    }

    private static String calendarEvent(String trigger, String uid, String start) {
        return """
                {"triggerEvent":"%s","createdAt":"2026-11-23T10:00:00Z","payload":{"uid":"%s","startTime":"%s",\
                "endTime":"%s","attendees":[{"name":"Clara","email":"clara@example.org","timeZone":"Europe/Berlin"}]}}"""
                .formatted(trigger, uid, start, start);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
