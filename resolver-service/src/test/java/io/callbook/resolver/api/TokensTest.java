package io.callbook.resolver.api;

import io.callbook.devstack.Devstack;
import io.callbook.resolver.Directory;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What resolver-service's tokens carry (kid, aud) and who gets none: suspended and deleted companies, and
 * webhook-service beyond the agent role of one company.
 */
@QuarkusTest
class TokensTest {

    private UUID company;
    private String tenantKey;

    @BeforeEach
    void companyWithAKey() {
        company = Directory.company("Token GmbH");
        tenantKey = given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "voice platform", "groups", List.of("agent", "tenant-admin")))
                .post("/v1/companies/{c}/api-keys", company).then().statusCode(201).extract().path("key");
    }

    @Test
    void theKeysArePublishedWithTheirIdsAndNothingPrivate() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", containsString("max-age="))
                .body("keys.kid", hasItem(Devstack.shared().signingKeyId()))
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .body("keys[0]", not(org.hamcrest.Matchers.hasKey("d")));
    }

    @Test
    void anApiKeysTokenNamesItsSigningKeyAndTheServicesItsGroupsUse() throws Exception {
        String token = exchange(tenantKey).statusCode(200).extract().path("accessToken");

        assertEquals(Devstack.shared().signingKeyId(), header(token).getKeyIdHeaderValue());
        JwtClaims claims = claims(token);
        assertEquals(Set.of("resolver-service", "booking-service", "webhook-service"), Set.copyOf(claims.getAudience()));
        assertEquals(company.toString(), claims.getStringClaimValue("tenant"));
        given().auth().oauth2(token).get("/v1/companies/{c}/branches", company).then().statusCode(200);
    }

    @Test
    void aTokenForOtherServicesIsRefusedHere() {
        given().auth().oauth2(TestTokens.forAudience(company, Set.of("booking-service")))
                .get("/v1/companies/{c}/branches", company).then().statusCode(401);
        given().auth().oauth2(TestTokens.forAudience(company, Set.of("resolver-service")))
                .get("/v1/companies/{c}/branches", company).then().statusCode(200);
    }

    @Test
    void aSuspendedCompanyGetsNoTokensUntilItIsActiveAgain() {
        exchange(tenantKey).statusCode(200);
        active(false);

        exchange(tenantKey).statusCode(403).contentType("application/problem+json")
                .body("type", containsString("company-unavailable"));
        agentToken(secret(), company).statusCode(403).body("type", containsString("company-unavailable"));

        active(true);
        exchange(tenantKey).statusCode(200);
        agentToken(secret(), company).statusCode(200);
    }

    @Test
    void aDeletedCompanyGetsNoTokens() {
        given().auth().oauth2(TestTokens.platformAdmin()).delete("/v1/companies/{c}", company).then().statusCode(204);

        exchange(tenantKey).statusCode(401); // its keys were revoked with it
        agentToken(secret(), company).statusCode(403).body("type", containsString("company-unavailable"));
        agentToken(secret(), UUID.randomUUID()).statusCode(403);
    }

    @Test
    void webhookServicesSecretBuysOnlyAnAgentTokenForOneCompanyAndTwoServices() throws Exception {
        String token = agentToken(secret(), company).statusCode(200)
                .body("groups", equalTo(List.of("agent"))).body("tenant", equalTo(company.toString()))
                .extract().path("accessToken");

        JwtClaims claims = claims(token);
        assertEquals(Set.of("resolver-service", "booking-service"), Set.copyOf(claims.getAudience()));
        assertEquals(List.of("agent"), claims.getStringListClaimValue("groups"));
        given().auth().oauth2(token).get("/v1/companies/{c}/branches", company).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Sneaky"))
                .post("/v1/companies/{c}/api-keys", company).then().statusCode(403);
        given().auth().oauth2(token).get("/v1/companies/{c}/branches", Directory.company("Someone else"))
                .then().statusCode(404);
    }

    @Test
    void aWrongOrMissingSecretGetsNothing() {
        agentToken("not-the-secret", company).statusCode(401).contentType("application/problem+json")
                .body("type", containsString("invalid-service-credential"));
        given().contentType(ContentType.JSON).body(Map.of("companyId", company.toString()))
                .post("/internal/v1/agent-tokens").then().statusCode(400);
        // Nor is the secret an API key, or a bearer token anywhere.
        exchange(secret()).statusCode(401);
        given().auth().oauth2(secret()).get("/v1/companies/{c}/branches", company).then().statusCode(401);
    }

    private void active(boolean active) {
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(Map.of("active", active))
                .put("/v1/companies/{c}", company).then().statusCode(200);
    }

    static ValidatableResponse exchange(String apiKey) {
        return given().contentType(ContentType.JSON).body(Map.of("apiKey", apiKey)).post("/v1/tokens").then();
    }

    private static ValidatableResponse agentToken(String secret, UUID company) {
        return given().contentType(ContentType.JSON).body(Map.of("companyId", company.toString(), "secret", secret))
                .post("/internal/v1/agent-tokens").then();
    }

    private static String secret() {
        return Devstack.shared().signingConfig().get("callbook.tokens.agent-exchange-secret");
    }

    static JsonWebSignature header(String token) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws;
    }

    static JwtClaims claims(String token) throws Exception {
        return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
    }
}
