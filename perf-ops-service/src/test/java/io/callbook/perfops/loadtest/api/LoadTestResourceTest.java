package io.callbook.perfops.loadtest.api;

import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Against a stand-in bench (src/test/resources/loadtest/fake-bench.sh): it prints and writes what a bench does. */
@QuarkusTest
class LoadTestResourceTest {

    private final Path work = Path.of("target/loadtest-test").toAbsolutePath();

    @Test
    void aLoadTestRunsAloneAndKeepsItsSummary() throws Exception {
        Files.createDirectories(work);
        Path release = work.resolve("release-" + UUID.randomUUID());
        Path results = work.resolve("results-" + UUID.randomUUID());
        Response started = startWhenFree(Map.of("bench", "resolve",
                "args", List.of("--hold", release.toString(), "--results", results.toString())));
        String id = started.path("id");
        started.then().statusCode(202)
                .header("Location", endsWith("/v1/ops/loadtests/" + id))
                .body("status", equalTo("RUNNING")).body("bench", equalTo("resolve"))
                .body("args", equalTo(List.of("--hold", release.toString(), "--results", results.toString())));
        try {
            given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("bench", "booking"))
                    .post("/v1/ops/loadtests")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", endsWith("/loadtest-in-progress")).body("running", equalTo(id));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                    .get("/v1/ops/loadtests/{id}", id)
                    .then().statusCode(200).body("status", equalTo("RUNNING")).body("logTail", containsString("Reports: ")));
        } finally {
            Files.writeString(release, "go");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .get("/v1/ops/loadtests/{id}", id)
                .then().statusCode(200).body("status", equalTo("SUCCEEDED")));
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/loadtests/{id}", id)
                .then().statusCode(200)
                .body("exitCode", equalTo(0))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue())
                .body("summary.text", containsString("open 100/s"))
                .body("summary.reportsDir", equalTo(results.toString()))
                .body("summary.tables[0].title", equalTo("resolve results"))
                .body("summary.tables[0].columns", equalTo(List.of("scenario", "cache", "p99")))
                .body("summary.tables[0].rows[0]", equalTo(List.of("open 100/s", "warm", "3")))
                .body("summary.notes", equalTo(List.of("all good.")))
                .body("logTail", containsString("HTML reports:"))
                .body("error", nullValue());
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/loadtests?limit=100")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aFailingBenchIsRecordedWithItsExitCode() {
        String id = startWhenFree(Map.of("bench", "webhooks", "args", List.of("--exit", "3")))
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .get("/v1/ops/loadtests/{id}", id)
                .then().statusCode(200).body("status", equalTo("FAILED")).body("exitCode", equalTo(3))
                .body("error", containsString("flagged")).body("summary.text", containsString("Results (")));
    }

    @Test
    void benchesAndArgumentsAreChecked() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("bench", "sign"))
                .post("/v1/ops/loadtests")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("bench", "resolve", "args", List.of("--duration", "30s; rm -rf /")))
                .post("/v1/ops/loadtests")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("args", List.of()))
                .post("/v1/ops/loadtests")
                .then().statusCode(400);
    }

    @Test
    void onlyOpsAndPlatformAdminsMayRunLoadTests() {
        UUID company = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("bench", "resolve"))
                .post("/v1/ops/loadtests").then().statusCode(401);
        given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON).body(Map.of("bench", "resolve"))
                .post("/v1/ops/loadtests").then().statusCode(403);
        given().auth().oauth2(TestTokens.agent(company)).get("/v1/ops/loadtests").then().statusCode(403);
    }

    /** The other test's run may still be ending: one load test at a time. */
    private static Response startWhenFree(Map<String, Object> body) {
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            answer[0] = given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body)
                    .post("/v1/ops/loadtests");
            return answer[0].statusCode() != 409;
        });
        return answer[0];
    }

    @Test
    void anUnknownRunIs404() {
        given().auth().oauth2(TestTokens.ops()).get("/v1/ops/loadtests/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
