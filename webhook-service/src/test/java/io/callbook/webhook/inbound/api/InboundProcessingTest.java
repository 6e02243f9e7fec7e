package io.callbook.webhook.inbound.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.calls.domain.CallLog;
import io.callbook.webhook.live.domain.LiveActivity;
import io.callbook.webhook.calls.domain.VoiceCallHandler;
import io.callbook.common.contracts.webhook.InboundWebhookEvents;
import io.callbook.webhook.inbound.domain.InboundEvent;
import io.callbook.webhook.inbound.domain.InboundProcessor;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class InboundProcessingTest {

    @Inject
    CallLog callLog;

    @Inject
    LiveActivity liveActivity;

    @Inject
    InboundProcessor processor;

    @Inject
    EntityManager entityManager;

    private UUID company;
    private String integration;
    private String key;

    @BeforeEach
    void integration() {
        company = UUID.randomUUID();
        key = "key_" + UUID.randomUUID().toString().replace("-", "");
        integration = given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON)
                .body(Map.of("provider", "voice", "name", "Retell", "secret", key))
                .post("/v1/companies/{c}/integrations", company).then().statusCode(201).extract().path("id");
    }

    @Test
    void callEventsBuildTheCallLogInAnyOrder() {
        String callId = "call-" + UUID.randomUUID();
        send("""
                {"event":"call_analyzed","call":{"call_id":"%s","call_analysis":{"call_summary":"Booked a haircut",\
                "user_sentiment":"Positive"}}}""".formatted(callId));
        send("""
                {"event":"call_ended","call":{"call_id":"%s","end_timestamp":1795400090000,\
                "disconnection_reason":"user_hangup"}}""".formatted(callId));
        String started = """
                {"event":"call_started","call":{"call_id":"%s","from_number":"+4917012345678","to_number":"+49301234567",\
                "agent_id":"agent_1","start_timestamp":1795400000000}}""".formatted(callId);
        send(started);
        send(started); // a provider retry: acknowledged, processed once

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/calls")
                        .then().statusCode(200).body("items", hasSize(1))
                        .body("items[0].callId", equalTo(callId))
                        .body("items[0].fromNumber", equalTo("+4917012345678"))
                        .body("items[0].durationMs", equalTo(90000))
                        .body("items[0].disconnectionReason", equalTo("user_hangup"))
                        .body("items[0].summary", equalTo("Booked a haircut"))
                        .body("items[0].sentiment", equalTo("Positive")));
        given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/webhooks/events?status=done")
                .then().statusCode(200).body("items", hasSize(3)).body("items.attempts", everyItem(equalTo(1)))
                .body("items.processedAt", everyItem(notNullValue())).body("items.nextAttemptAt", everyItem(nullValue()));
        // one integration's events, as the webhook load test reads its runs back
        given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/webhooks/events?integration={i}", integration)
                .then().statusCode(200).body("items", hasSize(3)).body("items.integrationId", everyItem(equalTo(integration)));
        given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/webhooks/events?integration={i}", UUID.randomUUID())
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/webhooks/events?status=lost")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.tenantAdmin(company)).post("/v1/webhooks/events/replay?status=done")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID())).get("/v1/calls").then().body("items", hasSize(0));
        // The voice agent's role reads no call log: not the list, not one call.
        given().auth().oauth2(TestTokens.agent(company)).get("/v1/calls").then().statusCode(403)
                .contentType("application/problem+json");
        String logged = given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/calls")
                .then().extract().path("items[0].id");
        given().auth().oauth2(TestTokens.agent(company)).get("/v1/calls/{id}", logged).then().statusCode(403);
    }

    /**
     * Events stored in one transaction are claimed by one worker pass: the call rows of the whole batch are made and
     * locked together, a call's later events find its row, and each event gets its one "processed" outbox row.
     */
    @Test
    void aBatchOfSeveralCallsEventsIsProcessedTogether() {
        String known = "call-" + UUID.randomUUID();
        send("""
                {"event":"call_started","call":{"call_id":"%s","from_number":"+4917011111111"}}""".formatted(known));
        await().atMost(Duration.ofSeconds(20)).until(() -> calls(company).size() == 1);

        String fresh = "call-" + UUID.randomUUID();
        List<UUID> stored = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            stored.add(store(fresh, "call_started", """
                    {"event":"call_started","call":{"call_id":"%s","from_number":"+4917022222222",                    "start_timestamp":1795400000000}}""".formatted(fresh)));
            stored.add(store(known, "call_ended", """
                    {"event":"call_ended","call":{"call_id":"%s","start_timestamp":1795400000000,                    "end_timestamp":1795400060000}}""".formatted(known)));
            stored.add(store(fresh, "call_ended", """
                    {"event":"call_ended","call":{"call_id":"%s","end_timestamp":1795400030000,                    "disconnection_reason":"agent_hangup"}}""".formatted(fresh)));
            stored.add(store(fresh, "call_analyzed", """
                    {"event":"call_analyzed","call":{"call_id":"%s","call_analysis":{"call_summary":"Termin gebucht"}}}                    """.formatted(fresh)));
        });
        processor.drain();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Map<String, Object>> byCall = calls(company);
            assertEquals(2, byCall.size());
            assertEquals(60000, byCall.get(known).get("durationMs"));
            assertEquals("+4917011111111", byCall.get(known).get("fromNumber"));
            assertEquals(30000, byCall.get(fresh).get("durationMs"));
            assertEquals("agent_hangup", byCall.get(fresh).get("disconnectionReason"));
            assertEquals("Termin gebucht", byCall.get(fresh).get("summary"));
        });
        List<?> processed = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select cast(payload ->> 'inboundEventId' as uuid) from outbox
                        where topic = :topic and event_type = :type and tenant_id = :company
                          and cast(payload ->> 'inboundEventId' as uuid) in (:stored)""")
                .setParameter("topic", InboundWebhookEvents.TOPIC)
                .setParameter("type", InboundWebhookEvents.PROCESSED)
                .setParameter("company", company)
                .setParameter("stored", stored)
                .getResultList());
        assertEquals(Set.copyOf(stored), Set.copyOf(processed));
        assertEquals(stored.size(), processed.size());
    }

    private UUID store(String callId, String event, String body) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        insert into inbound_events (id, integration_id, company_id, provider, event_type, dedupe_key,
                                                    status, priority, body, received_at)
                        values (:id, :integration, :company, 'voice', :event, :key, 'received', 0, :body, now())""")
                .setParameter("id", id)
                .setParameter("integration", UUID.fromString(integration))
                .setParameter("company", company)
                .setParameter("event", event)
                .setParameter("key", callId + ":" + event)
                .setParameter("body", body)
                .executeUpdate();
        return id;
    }

    private Map<String, Map<String, Object>> calls(UUID company) {
        List<Map<String, Object>> items = given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/calls")
                .then().statusCode(200).extract().path("items");
        return items.stream().collect(Collectors.toMap(item -> (String) item.get("callId"), item -> item));
    }

    @Test
    void aFailingEventIsRetriedThenDeadLetteredThenReplayed() {
        FlakyHandler flaky = new FlakyHandler(callLog, liveActivity);
        QuarkusMock.installMockForType(flaky, VoiceCallHandler.class);
        String callId = "call-" + UUID.randomUUID();
        String id = send("""
                {"event":"call_started","call":{"call_id":"%s","start_timestamp":1795400000000}}""".formatted(callId));

        String admin = TestTokens.tenantAdmin(company);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(admin).get("/v1/webhooks/events/{id}", id)
                        .then().body("status", equalTo("dead")).body("attempts", equalTo(3)));

        flaky.failing = false;
        given().auth().oauth2(admin).post("/v1/webhooks/events/{id}/replay", id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(admin).get("/v1/webhooks/events/{id}", id)
                        .then().body("status", equalTo("done")).body("lastError", equalTo(null))
                        .body("attempts", equalTo(1)).body("processedAt", notNullValue()));
        given().auth().oauth2(admin).post("/v1/webhooks/events/{id}/replay", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID())).get("/v1/webhooks/events/{id}", id)
                .then().statusCode(404);
    }

    private String send(String body) {
        return given().contentType(ContentType.JSON)
                .header(RetellSignature.HEADER, RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), key, Instant.now()))
                .body(body).post("/v1/webhooks/voice?integration={i}", integration)
                .then().statusCode(anyOf(equalTo(200), equalTo(202))).extract().path("id");
    }

    /** Fails every call event until told otherwise, as a processor with a broken dependency would. */
    static class FlakyHandler extends VoiceCallHandler {
        volatile boolean failing = true;

        FlakyHandler(CallLog calls, LiveActivity activity) {
            super(calls, activity);
        }

        @Override
        public void handle(InboundEvent event, JsonNode body) {
            if (failing) {
                throw new IllegalStateException("dependency down");
            }
            super.handle(event, body);
        }
    }
}
