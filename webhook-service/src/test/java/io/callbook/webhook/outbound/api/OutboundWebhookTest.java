package io.callbook.webhook.outbound.api;

import com.sun.net.httpserver.HttpServer;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.devstack.Devstack;
import io.callbook.testsupport.CloudEventRecords;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboundWebhookTest {

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> answers = new ConcurrentHashMap<>();
    private UUID company;
    private String admin;

    @BeforeEach
    void receiver() throws IOException {
        company = UUID.randomUUID();
        admin = TestTokens.tenantAdmin(company);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8),
                    Instant.now()));
            Queue<Integer> queue = answers.getOrDefault(path, new ArrayDeque<>());
            Integer status = queue.size() > 1 ? queue.poll() : queue.peek();
            int code = status == null ? 200 : status;
            if (code == 503) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void bookingEventsAreDeliveredSignedAsStandardWebhooks() throws Exception {
        String secret = register("/ok", List.of("appointment.booked"));
        String eventId = publish(BookingEvents.APPOINTMENT_BOOKED);
        publish(BookingEvents.APPOINTMENT_CANCELLED); // not subscribed

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredTo("/ok").size() == 1);
        Received delivery = deliveredTo("/ok").get(0);
        assertEquals(independentSignature(secret, delivery.id(), delivery.timestamp(), delivery.body()), delivery.signature());
        assertTrue(delivery.body().contains("\"type\":\"appointment.booked\""), delivery.body());
        assertTrue(Math.abs(Long.parseLong(delivery.timestamp()) - Instant.now().getEpochSecond()) < 60);

        publishAgain(eventId, BookingEvents.APPOINTMENT_BOOKED); // Kafka redelivery: no second delivery
        Thread.sleep(1500);
        assertEquals(1, deliveredTo("/ok").size());
    }

    @Test
    void eventsOfSeveralCompaniesSentTogetherReachEachOnesEndpoints() throws Exception {
        register("/all", List.of("*"));
        UUID other = UUID.randomUUID();
        register(other, TestTokens.tenantAdmin(other), "/booked-only", List.of("appointment.booked"));
        String eventId = UUID.randomUUID().toString();

        // One send, so the consumer most likely gets them in one poll, with a redelivery inside it.
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            kafka.produceStrings().fromRecords(
                    record(company, eventId, BookingEvents.APPOINTMENT_BOOKED),
                    record(other, UUID.randomUUID().toString(), BookingEvents.APPOINTMENT_BOOKED),
                    record(other, UUID.randomUUID().toString(), BookingEvents.APPOINTMENT_CANCELLED),
                    record(company, eventId, BookingEvents.APPOINTMENT_BOOKED)).awaitCompletion();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredTo("/all").size() == 1
                && deliveredTo("/booked-only").size() == 1);
        Thread.sleep(1500);
        assertEquals(1, deliveredTo("/all").size(), "the redelivered event made no second delivery");
        assertEquals(1, deliveredTo("/booked-only").size(), "the unsubscribed type made none");
        assertTrue(deliveredTo("/booked-only").get(0).body().contains("\"type\":\"appointment.booked\""));
    }

    @Test
    void failuresAreRetriedAndRetryAfterIsHonoured() {
        answers.put("/flaky", new ArrayDeque<>(List.of(500, 503, 200)));
        String endpoint = endpointId(register("/flaky", List.of("*")));
        publish(BookingEvents.APPOINTMENT_BOOKED);

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredTo("/flaky").size() == 3);
        List<Received> attempts = deliveredTo("/flaky");
        assertEquals(1, attempts.stream().map(Received::id).distinct().count(), "one webhook-id on every attempt");
        assertTrue(Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis() >= 900,
                "Retry-After: 1 was honoured");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/v1/companies/{c}/webhook-endpoints/{e}/deliveries", company, endpoint)
                .then().body("items[0].status", equalTo("delivered")).body("items[0].attempts", equalTo(3)));
    }

    @Test
    void goneDisablesTheEndpoint() {
        answers.put("/gone", new ArrayDeque<>(List.of(410)));
        String endpoint = endpointId(register("/gone", List.of("*")));
        publish(BookingEvents.APPOINTMENT_BOOKED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/v1/companies/{c}/webhook-endpoints/{e}", company, endpoint)
                .then().body("active", equalTo(false)).body("disabledReason", containsString("410")));
        publish(BookingEvents.APPOINTMENT_RESCHEDULED);
        assertEquals(1, deliveredTo("/gone").size());
    }

    @Test
    void exhaustedDeliveriesCanBeReplayed() {
        answers.put("/down", new ArrayDeque<>(List.of(500)));
        String endpoint = endpointId(register("/down", List.of("*")));
        publish(BookingEvents.APPOINTMENT_BOOKED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/v1/companies/{c}/webhook-endpoints/{e}/deliveries?status=exhausted", company, endpoint)
                .then().body("items[0].attempts", equalTo(3)).body("items[0].lastStatusCode", equalTo(500)));
        String delivery = given().auth().oauth2(admin)
                .get("/v1/companies/{c}/webhook-endpoints/{e}/deliveries", company, endpoint).then().extract().path("items[0].id");

        answers.put("/down", new ArrayDeque<>(List.of(200)));
        given().auth().oauth2(admin).post("/v1/companies/{c}/webhook-endpoints/{e}/deliveries/{d}/replay",
                company, endpoint, delivery).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/v1/companies/{c}/webhook-endpoints/{e}/deliveries", company, endpoint)
                .then().body("items[0].status", equalTo("delivered")));
        given().auth().oauth2(admin)
                .get("/v1/companies/{c}/webhook-endpoints/{e}/deliveries?status=lost", company, endpoint)
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
    }

    @Test
    void tenantsSeeAGenericErrorWhenTheReceiverCannotBeReached() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String endpoint = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + closed + "/hook", "eventTypes", List.of("*")))
                .post("/v1/companies/{c}/webhook-endpoints", company)
                .then().statusCode(201).extract().path("id");
        publish(BookingEvents.APPOINTMENT_BOOKED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/v1/companies/{c}/webhook-endpoints/{e}/deliveries", company, endpoint)
                .then().body("items[0].attempts", greaterThanOrEqualTo(1))
                .body("items[0].lastError", equalTo("Verbindung zum Empfänger fehlgeschlagen")));
    }

    @Test
    void privateAndOddAddressesAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.5/hook", "http://192.168.1.1/",
                "https://100.100.100.200/", "https://[::ffff:169.254.169.254]/", "https://[64:ff9b::a9fe:a9fe]/",
                "https://[2002:a9fe:a9fe::1]/", "https://[fd00:ec2::254]/", "https://198.18.0.1/", "https://240.0.0.1/",
                "ftp://example.org/hook", "http://user:pw@example.org/")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("*")))
                    .post("/v1/companies/{c}/webhook-endpoints", company)
                    .then().statusCode(422).contentType("application/problem+json");
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:1/", "eventTypes", List.of("appointment.teleported")))
                .post("/v1/companies/{c}/webhook-endpoints", company).then().statusCode(422);
        given().auth().oauth2(TestTokens.agent(company)).get("/v1/companies/{c}/webhook-endpoints", company)
                .then().statusCode(403);
    }

    private String register(String path, List<String> types) {
        return register(company, admin, path, types);
    }

    private String register(UUID owner, String ownersAdmin, String path, List<String> types) {
        var answer = given().auth().oauth2(ownersAdmin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path, "eventTypes", types))
                .post("/v1/companies/{c}/webhook-endpoints", owner)
                .then().statusCode(201).body("secret", startsWith("whsec_")).extract();
        endpointIds.put(answer.<String>path("secret"), answer.path("id"));
        return answer.path("secret");
    }

    private final Map<String, String> endpointIds = new ConcurrentHashMap<>();

    private String endpointId(String secret) {
        return endpointIds.get(secret);
    }

    private String publish(String type) {
        String eventId = UUID.randomUUID().toString();
        publishAgain(eventId, type);
        return eventId;
    }

    private void publishAgain(String eventId, String type) {
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            kafka.produceStrings().fromRecords(record(company, eventId, type)).awaitCompletion();
        }
    }

    private static ProducerRecord<String, String> record(UUID owner, String eventId, String type) {
        String data = """
                {"id":"%s","companyId":"%s","status":"confirmed","startsAt":"2026-12-01T09:00:00Z"}"""
                .formatted(UUID.randomUUID(), owner);
        return CloudEventRecords.record(BookingEvents.TOPIC, eventId, eventId, type, "/callbook/booking", owner, data);
    }

    private List<Received> deliveredTo(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Standard Webhooks, written from the spec: base64 HMAC-SHA256 over "id.timestamp.body" with the decoded secret. */
    private static String independentSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }


    private record Received(String path, String id, String timestamp, String signature, String body, Instant at) {
    }
}
