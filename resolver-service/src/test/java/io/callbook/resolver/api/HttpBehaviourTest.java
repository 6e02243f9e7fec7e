package io.callbook.resolver.api;

import io.callbook.testsupport.ApiDocumentation;
import io.callbook.testsupport.ManagementPort;
import io.callbook.testsupport.TestTokens;
import io.callbook.resolver.Directory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HttpBehaviourTest {

    @TestHTTPResource("/v1/companies")
    URL companies;

    // Ask for gzip and read the raw bytes, so we see what went over the wire.
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void largeBodiesAreGzippedSmallOnesAreNot() {
        UUID company = Directory.company("Gzip GmbH");
        for (int i = 0; i < 12; i++) {
            Directory.branch(company, "Branch with a reasonably long name number " + i);
        }
        given().config(RAW).header("Accept-Encoding", "gzip").auth().oauth2(TestTokens.platformAdmin())
                .get("/v1/companies/{c}/branches", company)
                .then().statusCode(200).header("Content-Encoding", "gzip");
        given().config(RAW).header("Accept-Encoding", "gzip").auth().oauth2(TestTokens.platformAdmin())
                .get("/v1/companies/{c}", company)
                .then().statusCode(200).header("Content-Encoding", not("gzip"));
    }

    @Test
    void repeatedGetWithTheEtagIs304() {
        UUID company = Directory.company("ETag AG");
        String token = TestTokens.platformAdmin();
        Response first = given().auth().oauth2(token).get("/v1/companies/{c}", company);
        String etag = first.header("ETag");
        assertEquals(200, first.statusCode());
        given().auth().oauth2(token).header("If-None-Match", etag).get("/v1/companies/{c}", company)
                .then().statusCode(304).header("ETag", equalTo(etag));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"ETag AG renamed\"}")
                .put("/v1/companies/{c}", company).then().statusCode(200);
        given().auth().oauth2(token).header("If-None-Match", etag).get("/v1/companies/{c}", company)
                .then().statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void everyErrorIsAProblem() {
        given().get("/no/such/route").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", equalTo("/no/such/route"));
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/v1/companies").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body("{\"name\":\"\",\"defaultRegion\":\"Germany\"}")
                .post("/v1/companies").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("name", "defaultRegion"));
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body("{\"name\":\"X\",\"defaultRegion\":\"QQ\"}")
                .post("/v1/companies").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/companies/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body("{}")
                .patch("/v1/companies").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"name\":\"" + "x".repeat(2_000_000) + "\",\"defaultRegion\":\"DE\"}";
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(huge)
                .post("/v1/companies").then().statusCode(413).contentType("application/problem+json");
    }

    // Chunked: no Content-Length to refuse up front, so the body is counted as it arrives (EventLoopBodyReader).
    @Test
    void chunkedBodiesAreReadAndAnOversizedOneIs413() throws Exception {
        HttpResponse<String> created = postChunked("{\"name\":\"Chunked GmbH\",\"defaultRegion\":\"DE\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("Chunked GmbH"), created.body());

        HttpResponse<String> huge = postChunked("{\"name\":\"" + "x".repeat(2_000_000) + "\",\"defaultRegion\":\"DE\"}");
        assertEquals(413, huge.statusCode());
        assertEquals("application/problem+json", huge.headers().firstValue("Content-Type").orElse(""));
    }

    private HttpResponse<String> postChunked(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(companies.toURI())
                .header("Authorization", "Bearer " + TestTokens.platformAdmin())
                .header("Content-Type", "application/json")
                // an InputStream of unknown length goes out chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void requestIdAndResponseTimeOnEveryResponse() {
        given().header("X-Request-Id", "call-4711").get("/no/such/route")
                .then().header("X-Request-Id", "call-4711").header("X-Response-Time", matchesPattern("\\d+\\.\\d{3}ms"));
        given().get("/no/such/route").then().header("X-Request-Id", notNullValue())
                .body("requestId", notNullValue());
        given().header("X-Request-Id", "evil\u0001header<script>").get("/no/such/route")
                .then().header("X-Request-Id", not(equalTo("evil\u0001header<script>")));
    }

    @Test
    void metricsHaveLatencyHistogramsPerRouteAndCacheCounters() {
        // Micrometer tags every 404 as uri=NOT_FOUND (bounded cardinality), so count a 422 here.
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", "anonymous")
                .get("/v1/resolve").then().statusCode(422);
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", Directory.freshBerlinNumber())
                .get("/v1/resolve").then().statusCode(404);
        given().port(ManagementPort.get()).get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests_seconds_bucket{"))
                .body(org.hamcrest.Matchers.containsString("uri=\"/v1/resolve\""))
                // Percentiles come from the buckets (Prometheus, perf-ops), not from the service itself.
                .body(not(matchesPattern("(?s).*http_server_requests_seconds\\{[^}]*quantile=.*")))
                .body(org.hamcrest.Matchers.containsString("callbook_cache_lookups_total{"))
                .body(not(org.hamcrest.Matchers.containsString("kafka_consumer_fetch_manager_fetch_latency")));
    }

    @Test
    void openApiDescribesTheEndpoints() {
        String json = given().port(ManagementPort.get()).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/resolve'.get", notNullValue())
                .body("paths.'/v1/tokens'.post", notNullValue())
                .extract().asString();
        ApiDocumentation.assertComplete(json);
    }

    @Test
    void healthMetricsAndApiDocsAreOnlyOnTheManagementPort() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(404);
            given().port(ManagementPort.get()).get(path).then().statusCode(200);
        }
    }
}
