package io.callbook.resolver;

import io.callbook.testsupport.PackagedServiceTests;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The packaged service (the JVM jar, or the native binary with -Dnative) in its production profile on the real test
 * stack, reached only through HTTP: what a client of the running image meets.
 */
@QuarkusIntegrationTest
class PackagedServiceIT extends PackagedServiceTests {

    @Test
    void anApiKeyBuysATokenThatSetsUpANumberWhichThenResolves() {
        String platform = TestTokens.platformAdmin();
        String company = given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("name", "Salon Paket", "defaultRegion", "DE"))
                .post("/v1/companies").then().statusCode(201).extract().path("id");
        String apiKey = given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("name", "integration test", "groups", List.of("tenant-admin")))
                .post("/v1/companies/{c}/api-keys", company).then().statusCode(201)
                .body("key", startsWith("cbk_")).extract().path("key");

        String token = given().contentType(ContentType.JSON).body(Map.of("apiKey", apiKey)).post("/v1/tokens")
                .then().statusCode(200).body("tokenType", equalTo("Bearer")).body("tenant", equalTo(company))
                .extract().path("accessToken");

        String branch = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Berlin Mitte", "timeZone", "Europe/Berlin", "locale", "de-DE", "phoneRegion", "DE"))
                .post("/v1/companies/{c}/branches", company).then().statusCode(201).extract().path("id");
        String number = Directory.freshBerlinNumber();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("number", number, "branchId", branch, "label", "Empfang"))
                .post("/v1/companies/{c}/phone-numbers", company).then().statusCode(201);

        // Typed as a person would: the national form, parsed with the company's region (phone metadata at run time).
        given().auth().oauth2(token).queryParam("number", "030 " + number.substring(5)).get("/v1/resolve")
                .then().statusCode(200)
                .body("number", equalTo(number))
                .body("companyId", equalTo(company))
                .body("branchId", equalTo(branch))
                .body("timeZone", equalTo("Europe/Berlin"));
    }

    @Test
    void badInputIsAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("apiKey", "")).post("/v1/tokens")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", "call me maybe").get("/v1/resolve")
                .then().statusCode(422).contentType("application/problem+json").body("reason", equalTo("malformed"));
    }
}
