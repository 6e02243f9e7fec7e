package io.callbook.common.http;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A worker thread serving a request knows when the request arrived, so a time budget can count the wait for it. */
@QuarkusTest
class RequestArrivalTest {

    @Test
    void aBlockingHandlerSeesHowLongItsRequestExists() {
        String age = given().get("/test/arrival").then().statusCode(200).extract().asString();

        assertTrue(age.matches("\\d+"), age);
        assertTrue(Long.parseLong(age) >= RequestArrivalTestResource.DELAY_MILLIS, age);
    }

    @Test
    void outsideARequestThereIsNoArrival() {
        assertTrue(RequestArrival.nanoTime().isEmpty());
        assertEquals(Duration.ZERO, RequestArrival.age());
    }
}
