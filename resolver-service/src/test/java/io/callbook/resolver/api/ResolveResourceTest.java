package io.callbook.resolver.api;

import io.callbook.testsupport.TestTokens;
import io.callbook.resolver.Directory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ResolveResourceTest {

    private UUID company;
    private UUID mitte;
    private UUID altona;
    private String number;

    @BeforeEach
    void directory() {
        company = Directory.company("Salon Weber");
        mitte = Directory.branch(company, "Berlin Mitte");
        altona = Directory.branch(company, "Hamburg Altona");
        number = Directory.freshBerlinNumber();
        Directory.number(company, mitte, number);
    }

    @Inject
    ResolveWarmUp warmUp;

    @Test
    void theStartUpWarmUpResolvesTheNewestNumbers() {
        for (int pass = 0; pass < 3; pass++) {
            assertTrue(warmUp.pass(), "there are numbers to resolve: this test's");
        }
    }

    @Test
    void resolvesE164ToCompanyAndBranch() {
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", number).get("/v1/resolve")
                .then().statusCode(200)
                .body("number", equalTo(number))
                .body("companyId", equalTo(company.toString()))
                .body("companyName", equalTo("Salon Weber"))
                .body("branchId", equalTo(mitte.toString()))
                .body("branchName", equalTo("Berlin Mitte"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("locale", equalTo("de-DE"))
                .body("active", equalTo(true));
    }

    @Test
    void resolvesNationalFormatWithTheCallersCompanyRegion() {
        String national = "030 " + number.substring(5);
        given().auth().oauth2(TestTokens.agent(company)).queryParam("number", national).get("/v1/resolve")
                .then().statusCode(200).body("number", equalTo(number));
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", national).queryParam("region", "DE")
                .get("/v1/resolve").then().statusCode(200).body("branchId", equalTo(mitte.toString()));
    }

    @Test
    void anonymousAndGarbageAre422WithAReason() {
        given().auth().oauth2(TestTokens.agent(company)).queryParam("number", "anonymous").get("/v1/resolve")
                .then().statusCode(422).contentType("application/problem+json").body("reason", equalTo("anonymous"));
        given().auth().oauth2(TestTokens.agent(company)).queryParam("number", "call me maybe").get("/v1/resolve")
                .then().statusCode(422).body("reason", equalTo("malformed"));
        given().auth().oauth2(TestTokens.agent(company)).get("/v1/resolve")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownNumberIs404() {
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", Directory.freshBerlinNumber())
                .get("/v1/resolve").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void releasedNumberIs404AndANewlyAssignedOneResolves() {
        String spare = Directory.freshBerlinNumber();
        // First lookup caches "unknown"; the assignment event must clear it.
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", spare).get("/v1/resolve").then().statusCode(404);
        UUID id = Directory.number(company, altona, spare);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", spare).get("/v1/resolve")
                        .then().statusCode(200).body("branchId", equalTo(altona.toString())));

        given().auth().oauth2(TestTokens.tenantAdmin(company)).delete("/v1/companies/{c}/phone-numbers/{n}", company, id)
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", spare).get("/v1/resolve")
                        .then().statusCode(404));
    }

    @Test
    void movedNumberResolvesToItsNewBranch() {
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", number).get("/v1/resolve")
                .then().body("branchId", equalTo(mitte.toString()));
        UUID id = UUID.fromString(given().auth().oauth2(TestTokens.tenantAdmin(company))
                .queryParam("branchId", mitte.toString())
                .get("/v1/companies/{c}/phone-numbers", company).then().extract().path("items[0].id"));
        given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON)
                .body(Map.of("branchId", altona.toString()))
                .put("/v1/companies/{c}/phone-numbers/{n}", company, id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", number).get("/v1/resolve")
                        .then().statusCode(200).body("branchId", equalTo(altona.toString()))
                        .body("branchName", equalTo("Hamburg Altona")));
    }

    @Test
    void aNumberBelongsToOneCompanyAtATime() {
        UUID other = Directory.company("Other");
        UUID otherBranch = Directory.branch(other, "Other main");
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("number", number, "branchId", otherBranch.toString()))
                .post("/v1/companies/{c}/phone-numbers", other)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void warmingNeedsTheOpsRoleAndLoadsEveryNumber() {
        given().auth().oauth2(TestTokens.agent(company)).post("/internal/cache/warm").then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).post("/internal/cache/warm")
                .then().statusCode(200).body("entries", greaterThanOrEqualTo(1));
        given().auth().oauth2(TestTokens.ops()).delete("/internal/cache")
                .then().statusCode(200).body("cleared", equalTo(true));
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", number).get("/v1/resolve")
                .then().statusCode(200).body("branchId", equalTo(mitte.toString()));
    }
}
