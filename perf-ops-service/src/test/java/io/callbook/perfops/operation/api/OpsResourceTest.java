package io.callbook.perfops.operation.api;

import io.callbook.perfops.operation.domain.RunLock;
import io.callbook.testsupport.ApiDocumentation;
import io.callbook.testsupport.ManagementPort;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OpsResourceTest {

    private final RunLock lock;

    OpsResourceTest(RunLock lock) {
        this.lock = lock;
    }

    @Test
    void onlyOpsAndPlatformAdminsStartRunsOrReadReports() {
        given().contentType(ContentType.JSON).body(Map.of("pool", true)).post("/v1/ops/optimize")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("pool", true)).post("/v1/ops/optimize")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agent(UUID.randomUUID())).get("/v1/ops/reports")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/ops/reports").then().statusCode(200);
    }

    @Test
    void aRunIsFollowedToItsReport() {
        String location = given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("pool", true, "dryRun", true)).post("/v1/ops/optimize")
                .then().statusCode(202).header("Location", containsString("/v1/ops/reports/"))
                .body("status", equalTo("RUNNING")).body("options.pool", equalTo(true))
                .body("options.dryRun", equalTo(true)).body("trigger", equalTo("api"))
                .extract().header("Location");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> report(location).body("status", equalTo("SUCCEEDED")));
        report(location).body("progress", equalTo(100)).body("finishedAt", notNullValue())
                .body("steps[0].step", equalTo("pool")).body("steps[0].summary", notNullValue());
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/reports?limit=100")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void runsNeverOverlap() {
        try (RunLock.Held held = lock.tryAcquire().orElseThrow()) {
            assertTrue(lock.tryAcquire().isEmpty(), "the lock is held");
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(Map.of("pool", true))
                    .post("/v1/ops/optimize")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", startsWith("https://")).body("title", equalTo("A run is in progress"));
        }
    }

    @Test
    void badRequestsAreProblems() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(Map.of("dryRun", true))
                .post("/v1/ops/optimize").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Nothing to run"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"pool\": ")
                .post("/v1/ops/optimize").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/reports/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/reports?limit=0")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theApiIsDocumented() {
        String json = given().port(ManagementPort.get()).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/ops/optimize'.post", notNullValue())
                .body("paths.'/v1/ops/metrics'.get", notNullValue())
                .body("paths.'/v1/ops/loadtests'.post", notNullValue())
                .extract().asString();
        ApiDocumentation.assertComplete(json);
    }

    private static ValidatableResponse report(String location) {
        return given().auth().oauth2(TestTokens.ops()).get(location).then().statusCode(200);
    }
}
