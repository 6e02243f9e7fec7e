package io.callbook.webhook;

import io.callbook.testsupport.PackagedServiceTests;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The packaged service (the JVM jar, or the native binary with -Dnative) in its production profile on the real test
 * stack, reached only through HTTP: what a provider and a tenant of the running image meet.
 */
@QuarkusIntegrationTest
class PackagedServiceIT extends PackagedServiceTests {

    @Test
    void aSignedCallWebhookIsAcknowledgedProcessedAndShownToTheTenant() {
        UUID company = UUID.randomUUID();
        String admin = TestTokens.tenantAdmin(company);
        String key = "key_" + UUID.randomUUID().toString().replace("-", "");
        String integration = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("provider", "voice", "name", "Retell", "secret", key))
                .post("/v1/companies/{c}/integrations", company).then().statusCode(201).extract().path("id");

        String callId = "call-" + UUID.randomUUID();
        String body = """
                {"event":"call_started","call":{"call_id":"%s","from_number":"+4917012345678",\
                "to_number":"+49301234567","agent_id":"agent_1","start_timestamp":1795400000000}}"""
                .formatted(callId);
        String event = given().contentType(ContentType.JSON)
                .header(RetellSignature.HEADER, RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), key, Instant.now()))
                .body(body).post("/v1/webhooks/voice?integration={i}", integration)
                .then().statusCode(202).body("status", equalTo("received")).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/v1/webhooks/events/{id}", event).then().statusCode(200).body("status", equalTo("done")));
        given().auth().oauth2(admin).get("/v1/calls").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].callId", equalTo(callId))
                .body("items[0].fromNumber", equalTo("+4917012345678"));
    }

    @Test
    void badInputIsAProblem() {
        given().contentType(ContentType.JSON).body("{}").post("/v1/webhooks/voice")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("integration"));
        String body = "{\"event\":\"call_started\",\"call\":{\"call_id\":\"x\"}}";
        given().contentType(ContentType.JSON).header(RetellSignature.HEADER, "v=1,d=00").body(body)
                .post("/v1/webhooks/voice?integration={i}", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json").body("title", notNullValue());
    }
}
