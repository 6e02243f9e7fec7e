package io.callbook.booking;

import io.callbook.devstack.Devstack;
import io.callbook.testsupport.PackagedServiceTests;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The packaged service (the JVM jar, or the native binary with -Dnative) in its production profile on the real test
 * stack, reached only through HTTP and Kafka: what a client of the running image meets.
 */
@QuarkusIntegrationTest
class PackagedServiceIT extends PackagedServiceTests {

    @Test
    void aSlotIsBookedOnceAndTheSecondCallerHearsItIsTaken() {
        PackagedSalon salon = PackagedSalon.create(RestAssured::given, Devstack.shared().kafkaBootstrapServers());
        String id = given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(salon.booking(4, "+49 30 1234567")).post("/v1/appointments")
                .then().statusCode(201).body("status", equalTo("confirmed")).extract().path("id");
        given().auth().oauth2(salon.admin()).get("/v1/appointments/{id}", id)
                .then().statusCode(200).body("staffId", equalTo(salon.staff()));

        given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(salon.booking(4, "+49 30 7654321")).post("/v1/appointments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/slot-taken")).body("conflict.staffId", equalTo(salon.staff()));
    }

    @Test
    void badInputIsAProblem() {
        UUID company = UUID.randomUUID();
        given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON)
                .body(Map.of("name", "Zu kurz", "durationMinutes", 2)).post("/v1/companies/{c}/services", company)
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("violations", notNullValue());
    }
}
