package io.callbook.perfops;

import io.callbook.testsupport.PackagedServiceTests;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The packaged service (the JVM jar, or the native binary with -Dnative) in its production profile on the real test
 * stack, reached only through HTTP: what an operator of the running image meets.
 */
@QuarkusIntegrationTest
@WithTestResource(NothingToWatch.class)
class PackagedServiceIT extends PackagedServiceTests {

    @Test
    void aDryRunIsFollowedToItsReport() {
        // The production schedule may have a run going (one at a time): then this one is accepted once that ended.
        String[] location = new String[1];
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            var response = given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                    .body(Map.of("pool", true, "dryRun", true)).post("/v1/ops/optimize");
            location[0] = response.statusCode() == 202 ? response.header("Location") : null;
            return location[0] != null;
        });
        report(location[0]).body("options.dryRun", equalTo(true));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> report(location[0]).body("status", equalTo("SUCCEEDED")));
        report(location[0]).body("progress", equalTo(100))
                .body("steps[0].step", equalTo("pool"))
                .body("steps[0].summary", containsString("replicas"))
                .body("finishedAt", notNullValue());
    }

    @Test
    void badInputIsAProblem() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(Map.of("dryRun", true))
                .post("/v1/ops/optimize").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Nothing to run"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"pool\": ")
                .post("/v1/ops/optimize").then().statusCode(400).contentType("application/problem+json");
    }

    private static ValidatableResponse report(String location) {
        return given().auth().oauth2(TestTokens.ops()).get(location).then().statusCode(200);
    }
}
