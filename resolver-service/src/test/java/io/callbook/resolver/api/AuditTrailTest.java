package io.callbook.resolver.api;

import io.callbook.resolver.Directory;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Creating and revoking API keys and deleting a company each leave one entry, newest first, by the acting token. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void keyAndCompanyActionsAreAudited() {
        UUID company = Directory.company("Audited GmbH");
        String admin = TestTokens.tenantAdmin(company);
        String keyId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Front desk", "groups", List.of("agent")))
                .post("/v1/companies/{c}/api-keys", company).then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).delete("/v1/companies/{c}/api-keys/{k}", company, keyId).then().statusCode(204);
        given().auth().oauth2(admin).delete("/v1/companies/{c}/api-keys/{k}", company, keyId).then().statusCode(204);
        given().auth().oauth2(TestTokens.platformAdmin()).delete("/v1/companies/{c}", company).then().statusCode(204);

        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("company", company).get("/v1/audit-log")
                .then().statusCode(200)
                .body("items.action", contains("company.deleted", "api-key.revoked", "api-key.created"))
                .body("items[2].subject", equalTo("api-key:" + keyId))
                .body("items[2].details.groups", equalTo("agent"))
                .body("items[2].actor", startsWith("test-"));
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("company", company)
                .queryParam("action", "api-key.revoked").get("/v1/audit-log")
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(admin).get("/v1/audit-log").then().statusCode(403);
    }
}
