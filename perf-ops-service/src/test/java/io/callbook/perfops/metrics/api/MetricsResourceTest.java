package io.callbook.perfops.metrics.api;

import io.callbook.perfops.metrics.SelfScrapeProfile;
import io.callbook.perfops.metrics.domain.MetricsCollector;
import io.callbook.perfops.metrics.domain.SuiteMetrics;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SelfScrapeProfile.class)
class MetricsResourceTest {

    private static final String ROUTE = "GET /v1/ops/metrics/history";

    @Inject
    MetricsCollector collector;

    @Test
    void twoScrapesAroundRequestsGiveARateAndPercentiles() {
        collector.collect();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TestTokens.ops()).get("/v1/ops/metrics/history?minutes=5").then().statusCode(200);
        }

        // The route's requests are counted in exactly one window; the first collection after them normally has them.
        SuiteMetrics.RouteMetrics route = await().atMost(Duration.ofSeconds(60)).until(() -> collector.collect()
                .service("perf-ops").flatMap(service -> service.routes().stream()
                        .filter(r -> r.route().equals(ROUTE) && r.requestRate() > 0).findFirst())
                .orElse(null), found -> found != null);

        assertNotNull(route.p50Ms());
        assertNotNull(route.p95Ms());
        assertNotNull(route.p99Ms());
        assertTrue(route.p50Ms() <= route.p95Ms() && route.p95Ms() <= route.p99Ms(), route.toString());
        assertEquals(0.0, route.errorRate());

        given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/ops/metrics").then().statusCode(200)
                .body("services.service", hasItem("perf-ops"))
                .body("services.find { it.service == 'perf-ops' }.replicas", greaterThan(0))
                .body("services.find { it.service == 'perf-ops' }.jvm.heapUsedBytes", greaterThan(0f))
                .body("services.find { it.service == 'perf-ops' }.pool.max", notNullValue());
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/metrics/history?minutes=5").then().statusCode(200)
                .body("size()", greaterThan(1));
    }

    @Test
    void theStreamSendsOneEventPerScrape() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                        + "/v1/ops/metrics/stream"))
                .header("Authorization", "Bearer " + TestTokens.ops()).header("Accept", "text/event-stream").GET().build();
        Queue<String> events = new ConcurrentLinkedQueue<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response = http.sendAsync(request,
                    HttpResponse.BodyHandlers.ofLines());
            CompletableFuture<Void> reading = response.thenAcceptAsync(answer -> {
                assertEquals(200, answer.statusCode());
                answer.body().filter(line -> line.startsWith("data:")).forEach(events::add);
            });
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                collector.collect();
                assertTrue(events.size() >= 2, "events so far: " + events.size());
            });
            assertTrue(events.peek().contains("\"service\":\"perf-ops\""), events.peek());
            reading.cancel(true);
        }
    }

    @Test
    void onlyOpsAndPlatformAdminsSeeTheMetrics() {
        UUID company = UUID.randomUUID();
        for (String path : new String[]{"/v1/ops/metrics", "/v1/ops/metrics/history", "/v1/ops/metrics/stream",
                "/v1/ops/databases"}) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(TestTokens.agent(company)).get(path).then().statusCode(403);
            given().auth().oauth2(TestTokens.tenantAdmin(company)).get(path).then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/metrics").then().statusCode(200);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/ops/databases").then().statusCode(200);
    }

    @Test
    void databasesShowTablesAndIndexesOfEachServiceDatabase() {
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/databases").then().statusCode(200)
                .body("find { it.service == 'perf-ops' }.error", org.hamcrest.Matchers.nullValue())
                .body("find { it.service == 'perf-ops' }.sizeBytes", greaterThan(0))
                .body("find { it.service == 'perf-ops' }.tables.table", hasItem("ops_report"))
                .body("find { it.service == 'perf-ops' }.indexes.index", hasItem("ops_report_pkey"));
    }

    @Test
    void historyRefusesANonsensicalSpan() {
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/metrics/history?minutes=0").then().statusCode(400);
    }
}
