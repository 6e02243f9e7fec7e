package io.callbook.resolver.api;

import io.callbook.testsupport.TestTokens;
import io.callbook.resolver.Directory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The test profile limits CompanyResource.get to 8 requests per client and minute. */
@QuarkusTest
class RateLimitTest {

    @Test
    void theRequestAfterTheLimitIs429WithRetryAfter() {
        UUID company = Directory.company("Busy Bee");
        String token = TestTokens.platformAdmin();
        for (int i = 1; i <= 8; i++) {
            given().auth().oauth2(token).get("/v1/companies/{c}", company)
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "8")
                    .header("RateLimit-Remaining", String.valueOf(8 - i));
        }
        given().auth().oauth2(token).get("/v1/companies/{c}", company)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0")
                .body("status", equalTo(429));
        // Another client has a bucket of its own.
        given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/companies/{c}", company).then().statusCode(200);
    }
}
