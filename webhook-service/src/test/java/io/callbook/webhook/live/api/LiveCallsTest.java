package io.callbook.webhook.live.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.webhook.CallActivityEvents.Activity;
import io.callbook.common.ops.ConsumerReadiness;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.Salon;
import io.callbook.webhook.live.domain.LiveActivity;
import io.callbook.webhook.live.domain.LiveCalls;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live stream end to end: signed call events and a voice function go through the inbox, the outbox and real Kafka
 * to the open streams, read as text/event-stream lines the way a browser's EventSource reads them.
 */
@QuarkusTest
class LiveCallsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One salon for the class: making it waits for its branch to reach booking-service over Kafka. */
    private static Salon salon;

    @Inject
    LiveCalls live;

    @Inject
    LiveActivity activity;

    @Inject
    KafkaClientService kafkaClients;

    @TestHTTPResource("/v1/calls/live")
    URI liveUri;

    @BeforeEach
    void salon() {
        if (salon == null) {
            salon = Salon.create();
        }
        // A replica's group reads from the latest offset: activity sent before it has its partitions is not seen.
        await().atMost(PATIENCE).until(() -> ConsumerReadiness.positioned(kafkaClients, "call-activity",
                Duration.ofSeconds(5)));
    }

    @Test
    void aSignedCallIsStreamedInOrderToItsTenantOnly() throws Exception {
        UUID company = UUID.fromString(salon.company());
        UUID otherCompany = UUID.randomUUID();
        String callId = "call-" + UUID.randomUUID();
        try (EventStream ours = EventStream.open(liveUri, salon.admin());
             EventStream theirs = EventStream.open(liveUri, TestTokens.tenantAdmin(otherCompany))) {
            await().atMost(PATIENCE).until(() -> live.following(company) >= 1 && live.following(otherCompany) >= 1);

            sendCallEvent(callEvent("call_started", callId, ""));
            sendCallEvent(callEvent("transcript_updated", callId,
                    ",\"transcript\":\"Agent: Salon Stimme, guten Tag!\\nUser: Hallo, ich hätte gern einen Termin.\""));
            await().atMost(PATIENCE).until(() -> ours.types().size() >= 2);

            given().contentType(ContentType.JSON).header(RetellSignature.HEADER, sign(functionCall(callId)))
                    .body(functionCall(callId))
                    .post("/v1/voice/functions/check_availability?integration={i}", salon.integration())
                    .then().statusCode(200);
            await().atMost(PATIENCE).until(() -> ours.types().size() >= 3);

            sendCallEvent(callEvent("transfer_started", callId, "")
                    .replace("}}", "},\"transfer_destination\":\"+49301111111\",\"transfer_option\":{\"type\":\"warm_transfer\"}}"));
            sendCallEvent(callEvent("transfer_bridged", callId, "")
                    .replace("}}", "},\"transfer_destination\":\"+49301111111\"}"));
            sendCallEvent(callEvent("call_ended", callId,
                    ",\"end_timestamp\":1795400095000,\"disconnection_reason\":\"call_transfer\""));
            sendCallEvent(callEvent("call_analyzed", callId,
                    ",\"call_analysis\":{\"call_summary\":\"Die Anruferin wollte einen Termin.\",\"user_sentiment\":\"Positive\"}"));

            List<String> expected = List.of("call_started", "transcript_updated", "function_used", "transfer_started",
                    "transfer_bridged", "call_ended", "call_analyzed");
            await().atMost(PATIENCE).until(() -> ours.types().size() >= expected.size());
            assertEquals(expected, ours.types());

            List<JsonNode> events = ours.data();
            events.forEach(event -> assertEquals(callId, event.path("call_id").asText()));
            assertEquals("+4917012345678", events.get(0).path("from_number").asText());
            assertTrue(events.get(1).path("transcript").asText().contains("ich hätte gern einen Termin"));
            assertEquals("check_availability", events.get(2).path("function").asText());
            assertTrue(events.get(2).hasNonNull("outcome"));
            assertEquals("+49301111111", events.get(3).path("transfer_destination").asText());
            assertEquals("warm_transfer", events.get(3).path("transfer_type").asText());
            assertEquals("call_transfer", events.get(5).path("disconnection_reason").asText());
            assertEquals(95_000, events.get(5).path("duration_ms").asLong());
            assertEquals("Die Anruferin wollte einen Termin.", events.get(6).path("summary").asText());
            assertEquals("Positive", events.get(6).path("sentiment").asText());

            // What the other tenant's stream was handed before this marker is all it could ever have seen of the call.
            live.deliver(new Activity(otherCompany, "marker", "call_started", Instant.now(), null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null));
            await().atMost(PATIENCE).until(() -> !theirs.types().isEmpty());
            assertEquals(List.of("marker"), theirs.data().stream().map(e -> e.path("call_id").asText()).toList());
        }

        given().auth().oauth2(salon.admin()).get("/v1/calls").then().statusCode(200)
                .body("items.find { it.callId == '" + callId + "' }.transfers.status", contains("started", "bridged"))
                .body("items.find { it.callId == '" + callId + "' }.transfers[0].destination", equalTo("+49301111111"))
                .body("items.find { it.callId == '" + callId + "' }.transfers[0].transferType", equalTo("warm_transfer"));
    }

    @Test
    void callEventsAppliedTogetherAreStreamedInTheirOrderAndARolledBackOneNever() throws Exception {
        UUID company = UUID.randomUUID();
        String callId = "call-" + UUID.randomUUID();
        List<String> together = List.of("call_started", "transcript_updated", "transfer_started", "transfer_bridged",
                "call_ended", "call_analyzed");
        try (EventStream ours = EventStream.open(liveUri, TestTokens.tenantAdmin(company))) {
            await().atMost(PATIENCE).until(() -> live.following(company) >= 1);
            // As the inbox worker applies a batch: one transaction, then the next.
            QuarkusTransaction.requiringNew().run(() -> together.forEach(type -> activity.callEvent(company, type,
                    JSON.createObjectNode().set("call", JSON.createObjectNode().put("call_id", callId)))));
            // The stream keeps each call's order, not the order across calls: the rolled-back event and the marker
            // after it are of one call, so the marker's arrival says the other would have arrived by then.
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    activity.callEvent(company, "call_ended",
                            JSON.createObjectNode().set("call", JSON.createObjectNode().put("call_id", "later")));
                    throw new IllegalStateException("the event could not be applied");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            QuarkusTransaction.requiringNew().run(() -> activity.callEvent(company, "call_started",
                    JSON.createObjectNode().set("call", JSON.createObjectNode().put("call_id", "later"))));

            await().atMost(PATIENCE).until(() -> ours.types().size() >= together.size() + 1);
            assertEquals(together, typesOf(ours, callId));
            assertEquals(List.of("call_started"), typesOf(ours, "later"));
        }
    }

    private static List<String> typesOf(EventStream stream, String callId) throws IOException {
        return stream.data().stream().filter(event -> callId.equals(event.path("call_id").asText()))
                .map(event -> event.path("type").asText()).toList();
    }

    @Test
    void aBookingOrAMoveIsToldBesideTheFunctionAndARefusalIsNot() throws Exception {
        UUID company = UUID.randomUUID();
        String callId = "call-" + UUID.randomUUID();
        UUID booked = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        try (EventStream stream = EventStream.open(liveUri, TestTokens.tenantAdmin(company))) {
            await().atMost(PATIENCE).until(() -> live.following(company) == 1);
            // As VoiceResource reports the answers (the functions themselves are VoiceFunctionsTest's).
            activity.functionUsed(company, callId, "book_appointment", "Gebucht.", Map.of("appointment_id", booked));
            activity.functionUsed(company, callId, "reschedule_appointment", "Verschoben.",
                    Map.of("appointment_id", moved.toString()));
            activity.functionUsed(company, callId, "book_appointment", "Der Termin ist leider vergeben.",
                    Map.of("error", "slot_taken"));
            List<String> expected = List.of("function_used", "appointment_booked", "function_used",
                    "appointment_moved", "function_used");
            await().atMost(PATIENCE).until(() -> stream.types().size() >= expected.size());
            assertEquals(expected, stream.types());
            List<JsonNode> events = stream.data();
            assertEquals(booked.toString(), events.get(1).path("appointment_id").asText());
            assertEquals("ok", events.get(1).path("outcome").asText());
            assertEquals(moved.toString(), events.get(3).path("appointment_id").asText());
            assertEquals("Verschoben.", events.get(3).path("result").asText());
            assertEquals("slot_taken", events.get(4).path("outcome").asText());
            assertTrue(events.get(4).path("appointment_id").isMissingNode());
        }
    }

    @Test
    void idleStreamsGetHeartbeatsAndAClosedOneIsLetGo() {
        UUID company = UUID.randomUUID();
        try (EventStream stream = EventStream.open(liveUri, TestTokens.tenantAdmin(company))) {
            await().atMost(PATIENCE).until(() -> live.following(company) == 1);
            await().atMost(PATIENCE).until(() -> !stream.comments.isEmpty());
            assertTrue(stream.types().isEmpty());
        }
        await().atMost(PATIENCE).until(() -> live.following(company) == 0);
    }

    @Test
    void onlyTheTenantsAdminsMayFollow() {
        UUID company = UUID.fromString(salon.company());
        given().auth().oauth2(TestTokens.agent(company)).get("/v1/calls/live").then().statusCode(403);
        given().get("/v1/calls/live").then().statusCode(401);
        // Another company's stream is no one's business: 404, as for any of its objects.
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID())).queryParam("companyId", company)
                .get("/v1/calls/live").then().statusCode(404);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/calls/live").then().statusCode(400);
    }

    private void sendCallEvent(String body) {
        given().contentType(ContentType.JSON).header(RetellSignature.HEADER, sign(body)).body(body)
                .post("/v1/webhooks/voice?integration={i}", salon.integration()).then().statusCode(202);
    }

    private static String sign(String body) {
        return RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), salon.key(), Instant.now());
    }

    private static String callEvent(String event, String callId, String more) {
        return """
                {"event":"%s","call":{"call_id":"%s","from_number":"+4917012345678","to_number":"%s",\
                "agent_id":"agent_1","start_timestamp":1795400000000%s}}""".formatted(event, callId, salon.number(), more);
    }

    private static String functionCall(String callId) {
        return """
                {"name":"check_availability","call":{"call_id":"%s","from_number":"+4917012345678","to_number":"%s"},\
                "args":{"service":"Haircut","date":"%s"}}""".formatted(callId, salon.number(), salon.day(30));
    }

    /** An open text/event-stream, its events (name and JSON data) and comment lines collected as they come. */
    private static final class EventStream implements AutoCloseable {

        private final HttpClient client = HttpClient.newHttpClient();
        private final List<String[]> events = new CopyOnWriteArrayList<>();
        final List<String> comments = new CopyOnWriteArrayList<>();

        static EventStream open(URI uri, String token) {
            EventStream stream = new EventStream();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").build();
            stream.client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                assertEquals(200, response.statusCode());
                String[] pending = new String[2];
                response.body().forEach(line -> stream.read(line, pending));
            });
            return stream;
        }

        private void read(String line, String[] pending) {
            if (line.isEmpty()) {
                if (pending[1] != null) {
                    events.add(new String[]{pending[0], pending[1]});
                }
                pending[0] = null;
                pending[1] = null;
            } else if (line.startsWith(":")) {
                comments.add(line);
            } else if (line.startsWith("event:")) {
                pending[0] = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                String data = line.substring("data:".length()).strip();
                pending[1] = pending[1] == null ? data : pending[1] + "\n" + data;
            }
        }

        List<String> types() {
            return events.stream().map(e -> e[0]).toList();
        }

        List<JsonNode> data() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String[] event : events) {
                JsonNode node = JSON.readTree(event[1]);
                assertNotNull(node.get("type"));
                assertEquals(event[0], node.get("type").asText());
                nodes.add(node);
            }
            return nodes;
        }

        @Override
        public void close() {
            client.shutdownNow();
        }
    }
}
