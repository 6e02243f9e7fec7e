package io.callbook.common.ratelimit;

import io.callbook.common.RealRedis;
import io.callbook.devstack.Devstack;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter in a running service, counting in the test stack's Redis (limits in the test application.properties). */
@QuarkusTest
class RateLimitOverHttpTest {

    /** Has a quota of 8 requests in the test configuration. */
    private static final UUID SMALL_TENANT = UUID.fromString("7e1a0000-0000-4000-8000-00000000a001");

    @AfterEach
    void restartRedis() {
        Devstack.shared().ensureRedisRunning();
    }

    @Test
    void sixtyRequestsWithMadeUpTokensShareOneBucketAndAreRefusedBeyondTheLimit() {
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            Response answer = given().header("Authorization", "Bearer " + UUID.randomUUID())
                    .post("/test/rate-limit/exchange");
            if (answer.statusCode() == 429) {
                refused++;
                answer.then().contentType("application/problem+json").header("Retry-After", notNullValue())
                        .body("type", equalTo("https://callbook.io/problems/rate-limited"));
            } else {
                assertEquals(200, answer.statusCode());
            }
        }

        assertTrue(refused >= 30, "the route allows 30; refused " + refused + " of 60");
        try (RealRedis redis = new RealRedis()) {
            String pattern = SharedRateCounter.KEY_PREFIX + "test-exchange:ip-*";
            await().atMost(Duration.ofSeconds(30)).until(() -> sharedCount(redis, pattern) >= 60);
        }
    }

    @Test
    void aCallerKeepsItsBucketWhicheverOfItsTokensItSends() {
        UUID tenant = UUID.randomUUID();
        String subject = "agent-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token(tenant, subject)).get("/test/rate-limit/mine").then().statusCode(200);
        }

        given().auth().oauth2(token(tenant, subject)).get("/test/rate-limit/mine").then().statusCode(429)
                .header("Retry-After", notNullValue());
        given().auth().oauth2(token(tenant, "agent-" + UUID.randomUUID())).get("/test/rate-limit/mine")
                .then().statusCode(200).header("RateLimit-Remaining", equalTo("4"));
    }

    @Test
    void aTenantsQuotaCoversAllItsCallersAndRoutes() {
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(token(SMALL_TENANT, "agent-" + UUID.randomUUID()))
                    .get(i % 2 == 0 ? "/test/rate-limit/mine" : "/test/rate-limit/other").then().statusCode(200);
        }

        given().auth().oauth2(token(SMALL_TENANT, "agent-" + UUID.randomUUID())).get("/test/rate-limit/other")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", equalTo("0"));
        given().auth().oauth2(token(UUID.randomUUID(), "agent-" + UUID.randomUUID())).get("/test/rate-limit/other")
                .then().statusCode(200);
    }

    @Test
    void whileRedisIsDownEachReplicaStillEnforcesTheLimit() {
        Devstack.shared().stopRedis();
        UUID tenant = UUID.randomUUID();
        String subject = "agent-" + UUID.randomUUID();

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token(tenant, subject)).get("/test/rate-limit/mine").then().statusCode(200);
        }
        given().auth().oauth2(token(tenant, subject)).get("/test/rate-limit/mine").then().statusCode(429);
    }

    /** A token as resolver-service issues it, with the test stack's key; each one is new, the caller the same. */
    private static String token(UUID tenant, String subject) {
        return TestTokens.sign(Jwt.issuer("callbook").subject(subject).groups(Set.of("agent"))
                .claim("tenant", tenant.toString()).audience(TestTokens.ALL_SERVICES)
                .claim("jti", UUID.randomUUID().toString()).expiresIn(600));
    }

    private static long sharedCount(RealRedis redis, String pattern) {
        List<String> keys = redis.running().key(String.class).keys(pattern).await().indefinitely();
        long total = 0;
        for (String key : keys) {
            Long value = redis.running().value(Long.class).get(key).await().indefinitely();
            total += value == null ? 0 : value;
        }
        return total;
    }
}
