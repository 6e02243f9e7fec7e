package io.callbook.resolver.infra;

import io.callbook.testsupport.ManagementPort;
import io.callbook.testsupport.TestTokens;
import io.callbook.devstack.Devstack;
import io.callbook.resolver.Directory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class RedisOutageTest {

    @AfterEach
    void restartRedis() {
        Devstack.shared().ensureRedisRunning();
    }

    @Test
    void resolutionAnswersFromTheDatabaseAndReadinessReportsTheCacheDown() {
        UUID company = Directory.company("No Cache KG");
        UUID branch = Directory.branch(company, "Main");
        String number = Directory.freshBerlinNumber();
        Directory.number(company, branch, number);

        Devstack.shared().stopRedis();

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", number).get("/v1/resolve")
                    .then().statusCode(200).body("branchId", equalTo(branch.toString()));
        }
        given().port(ManagementPort.get()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'cache' }.data.redis", equalTo("down"));
        // Writes keep working too: the rate limiter fails open, events queue in the outbox.
        Directory.branch(company, "Opened during the outage");

        Devstack.shared().startRedis();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().port(ManagementPort.get()).get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'cache' }.data.redis", equalTo("up")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", number).get("/v1/resolve")
                        .then().statusCode(200).header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue()));
        given().port(ManagementPort.get()).get("/q/health/ready").then().body("checks.name", hasItem("kafka"));
    }
}
