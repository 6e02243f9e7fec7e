package io.callbook.common.persistence;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Against the real PostgreSQL: every pooled connection carries the statement limit, and outlasting it is a clean 503. */
@QuarkusTest
class StatementTimeoutTest {

    @Test
    void pooledConnectionsCarryTheConfiguredStatementLimit() {
        given().get("/test/slow-statement/limit").then().statusCode(200).body(equalTo("30s"));
    }

    @Test
    void aStatementBeyondItsLimitIsCancelledAndAnswersAProblem503InsteadOfHanging() {
        given().get("/test/slow-statement/sleep").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", endsWith("/database-timeout"))
                .body("status", equalTo(503));
    }
}
