package io.callbook.webhook.outbound.domain;

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
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tenant's receiver that hangs beside one that answers at once, both real HTTP servers, fed by booking events
 * through real Kafka. The test settings give the worker 4 senders and 2 per endpoint, and a request timeout far longer
 * than the test, so the hanging receiver answers only when the test lets it: every assertion is on states.
 */
@QuarkusTest
class DeliveryWorkerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowInFlight = new AtomicInteger();
    private final AtomicInteger slowMostInFlight = new AtomicInteger();
    private final ExecutorService slowThreads = Executors.newFixedThreadPool(8);
    private HttpServer slow;
    private HttpServer fast;

    @AfterEach
    void stop() {
        release.countDown();
        if (slow != null) {
            slow.stop(0);
        }
        if (fast != null) {
            fast.stop(0);
        }
        slowThreads.shutdownNow();
    }

    @Test
    void aHangingEndpointHoldsTwoSendersAndNoMoreWhileTheOtherEndpointIsServed() throws IOException {
        slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(slowThreads);
        slow.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            slowMostInFlight.accumulateAndGet(slowInFlight.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowInFlight.decrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slow.start();
        fast = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fast.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        fast.start();
        UUID company = UUID.randomUUID();
        String admin = TestTokens.tenantAdmin(company);
        String slowEndpoint = register(company, admin, slow);
        String fastEndpoint = register(company, admin, fast);

        for (int i = 0; i < 3; i++) {
            publish(company, BookingEvents.APPOINTMENT_BOOKED);
        }

        await().atMost(PATIENCE).untilAsserted(() -> deliveries(company, admin, fastEndpoint)
                .body("items", hasSize(3)).body("items.status", everyItem(equalTo("delivered"))));
        // The fast endpoint's events came after slow ones in the same events, yet none of them waited for an answer
        // from the slow endpoint: it has not answered (nor timed out) once.
        deliveries(company, admin, slowEndpoint).body("items", hasSize(3)).body("items.attempts", everyItem(equalTo(0)));
        await().atMost(PATIENCE).until(() -> slowInFlight.get() == 2);
        deliveries(company, admin, slowEndpoint).body("items.findAll { it.status == 'delivering' }", hasSize(2))
                .body("items.findAll { it.status == 'pending' }", hasSize(1));

        release.countDown();
        await().atMost(PATIENCE).untilAsserted(() -> deliveries(company, admin, slowEndpoint)
                .body("items.status", everyItem(equalTo("delivered"))).body("items.attempts", everyItem(equalTo(1))));
        assertEquals(2, slowMostInFlight.get(), "at most two sends to one endpoint at once");
    }

    private static String register(UUID company, String admin, HttpServer receiver) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "eventTypes", List.of("*")))
                .post("/v1/companies/{c}/webhook-endpoints", company)
                .then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse deliveries(UUID company, String admin, String endpoint) {
        return given().auth().oauth2(admin)
                .get("/v1/companies/{c}/webhook-endpoints/{e}/deliveries", company, endpoint).then().statusCode(200);
    }

    private static void publish(UUID company, String type) {
        String eventId = UUID.randomUUID().toString();
        String data = """
                {"id":"%s","companyId":"%s","status":"confirmed","startsAt":"2026-12-01T09:00:00Z"}"""
                .formatted(UUID.randomUUID(), company);
        ProducerRecord<String, String> record = CloudEventRecords.record(BookingEvents.TOPIC, eventId, eventId, type,
                "/callbook/booking", company, data);
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            kafka.produceStrings().fromRecords(record).awaitCompletion();
        }
    }
}
