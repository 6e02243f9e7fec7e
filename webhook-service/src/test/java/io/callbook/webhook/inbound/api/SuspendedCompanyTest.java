package io.callbook.webhook.inbound.api;

import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.Salon;
import io.callbook.webhook.VoiceBackends;
import io.callbook.webhook.outbound.domain.Deliveries;
import io.callbook.webhook.signing.domain.CalSignature;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A company suspended or deleted in the real resolver-service: its directory event reaches webhook-service over Kafka,
 * which then stops taking its webhooks, voice requests and outbound deliveries, and takes them again on reactivation.
 */
@QuarkusTest
class SuspendedCompanyTest {

    @Inject
    EntityManager entityManager;

    @Inject
    Deliveries deliveries;

    @Test
    void aSuspendedCompanyIsRefusedUntilItIsReactivated() {
        Salon salon = Salon.create();
        UUID company = UUID.fromString(salon.company());
        var calendar = Salon.createIntegration(salon.admin(), salon.company(), Map.of("provider", "calendar",
                        "name", "Cal.com", "branchId", salon.branch(), "serviceId", salon.haircut()))
                .then().statusCode(201).extract();
        String calendarId = calendar.path("id");
        String calendarSecret = calendar.path("secret");
        String endpoint = given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("*")))
                .post("/v1/companies/{c}/webhook-endpoints", company).then().statusCode(201).extract().path("id");
        UUID queued = queuedDelivery(company, UUID.fromString(endpoint));
        sendVoice(salon, callEvent()).then().statusCode(202);

        setActive(company, false);
        await().atMost(Duration.ofSeconds(60)).until(() -> sendVoice(salon, callEvent()).statusCode() == 403);
        long stored = count("select count(*) from inbound_events where integration_id = '" + salon.integration() + "'");
        sendVoice(salon, callEvent()).then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/company-suspended"))
                .body("detail", containsString("until it is reactivated"));
        String booking = calendarEvent();
        given().contentType(ContentType.JSON).header(CalSignature.HEADER, CalSignature.sign(bytes(booking), calendarSecret))
                .body(booking).post("/v1/webhooks/calendar?integration={i}", calendarId).then().statusCode(403);
        assertEquals(stored, count("select count(*) from inbound_events where integration_id = '" + salon.integration() + "'"),
                "nothing of a suspended company is stored");
        assertEquals(0L, count("select count(*) from inbound_events where integration_id = '" + calendarId + "'"));

        // The voice agent gets a German sentence to say, not an error, and nothing is booked.
        signedVoice(salon, "/v1/voice/functions/book_appointment", """
                {"name":"book_appointment","call":{"call_id":"call-%s","from_number":"+4917012345678","to_number":"%s"},\
                "args":{"service":"Haircut","start":"%sT10:00:00","customer_name":"Clara"}}"""
                .formatted(UUID.randomUUID(), salon.number(), salon.day(3)))
                .then().statusCode(200).body("error", equalTo("company_not_served"))
                .body("result", containsString("können derzeit keine Termine vereinbart werden"));
        signedVoice(salon, "/v1/voice/inbound", """
                {"from_number":"+4917012345678","to_number":"%s","agent_id":"agent_1"}""".formatted(salon.number()))
                .then().statusCode(200)
                .body("call_inbound.dynamic_variables.business_identified", equalTo("false"))
                .body("call_inbound.dynamic_variables.fallback_message", containsString("Es tut mir leid"))
                .body("call_inbound.metadata.reason", equalTo("company_not_served"));

        // Outbound: what was queued is cancelled, and new events make no deliveries.
        await().atMost(Duration.ofSeconds(10)).until(() -> "cancelled".equals(deliveryStatus(queued)));
        assertEquals(0, deliveries.schedule(List.of(new Deliveries.TenantEvent(company, UUID.randomUUID().toString(),
                "io.callbook.booking.appointment.booked", Instant.now(), "{}"))));

        setActive(company, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> sendVoice(salon, callEvent()).statusCode() == 202);
        String again = calendarEvent();
        given().contentType(ContentType.JSON).header(CalSignature.HEADER, CalSignature.sign(bytes(again), calendarSecret))
                .body(again).post("/v1/webhooks/calendar?integration={i}", calendarId).then().statusCode(202);
    }

    @Test
    void aDeletedCompanysWebhooksAreGone() {
        String platform = TestTokens.platformAdmin();
        String company = given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("name", "Salon Weg", "defaultRegion", "DE"))
                .post(VoiceBackends.resolverUrl() + "/v1/companies").then().statusCode(201).extract().path("id");
        String key = "key_" + UUID.randomUUID().toString().replace("-", "");
        String integration = given().auth().oauth2(TestTokens.tenantAdmin(UUID.fromString(company)))
                .contentType(ContentType.JSON).body(Map.of("provider", "voice", "name", "Retell", "secret", key))
                .post("/v1/companies/{c}/integrations", company).then().statusCode(201).extract().path("id");
        Salon salon = new Salon(company, null, null, null, null, null, integration, key);
        sendVoice(salon, callEvent()).then().statusCode(202);

        given().auth().oauth2(platform).delete(VoiceBackends.resolverUrl() + "/v1/companies/{c}", company)
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(60)).until(() -> sendVoice(salon, callEvent()).statusCode() == 410);
        sendVoice(salon, callEvent()).then().statusCode(410).contentType("application/problem+json")
                .body("type", endsWith("/company-deleted"));
    }

    private static void setActive(UUID company, boolean active) {
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(Map.of("active", active))
                .put(VoiceBackends.resolverUrl() + "/v1/companies/{c}", company).then().statusCode(200)
                .body("active", equalTo(active));
    }

    /** A delivery waiting for its next attempt, an hour away: suspension must cancel it rather than let it go out. */
    private UUID queuedDelivery(UUID company, UUID endpoint) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into deliveries (id, endpoint_id, company_id, event_id, event_type, payload, status,
                                                attempts, next_attempt_at, created_at)
                        values (:id, :endpoint, :company, :event, 'appointment.booked', '{}', 'failed', 1,
                                now() + interval '1 hour', now())""")
                .setParameter("id", id).setParameter("endpoint", endpoint).setParameter("company", company)
                .setParameter("event", UUID.randomUUID().toString()).executeUpdate());
        return id;
    }

    private String deliveryStatus(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select status from deliveries where id = :id").setParameter("id", id).getSingleResult());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static Response sendVoice(Salon salon, String body) {
        return given().contentType(ContentType.JSON)
                .header(RetellSignature.HEADER, RetellSignature.sign(bytes(body), salon.key(), Instant.now()))
                .body(body).post("/v1/webhooks/voice?integration={i}", salon.integration());
    }

    private static Response signedVoice(Salon salon, String path, String body) {
        return given().contentType(ContentType.JSON)
                .header(RetellSignature.HEADER, RetellSignature.sign(bytes(body), salon.key(), Instant.now()))
                .body(body).post(path + "?integration={i}", salon.integration());
    }

    private static String callEvent() {
        return """
                {"event":"call_started","call":{"call_id":"call-%s","from_number":"+4917012345678",\
                "to_number":"+49301234567","agent_id":"agent_1","start_timestamp":1795400000000}}"""
                .formatted(UUID.randomUUID());
    }

    private static String calendarEvent() {
        return """
                {"triggerEvent":"BOOKING_CREATED","createdAt":"2026-11-23T10:00:00Z","payload":{"uid":"bk_%s",\
                "startTime":"2026-12-01T09:00:00Z","endTime":"2026-12-01T09:30:00Z","attendees":[]}}"""
                .formatted(UUID.randomUUID());
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
