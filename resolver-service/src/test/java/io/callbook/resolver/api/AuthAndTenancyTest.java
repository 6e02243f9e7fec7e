package io.callbook.resolver.api;

import io.callbook.testsupport.TestTokens;
import io.callbook.resolver.Directory;
import io.callbook.common.security.CachingJwtParser;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthAndTenancyTest {

    private UUID companyA;
    private UUID companyB;
    private UUID branchB;

    @BeforeEach
    void directory() {
        companyA = Directory.company("Tenant A");
        companyB = Directory.company("Tenant B");
        branchB = Directory.branch(companyB, "B main");
    }

    @Inject
    JWTParser jwtParser;

    @Test
    void verifiedTokensAreRememberedByTheCachingParser() throws Exception {
        assertInstanceOf(CachingJwtParser.class, ClientProxy.unwrap(jwtParser));
        String token = TestTokens.tenantAdmin(companyA);
        assertSame(jwtParser.parse(token), jwtParser.parse(token), "the second request skips the signature check");
    }

    @Test
    void missingTokenIs401Problem() {
        given().get("/v1/companies/{id}/branches", companyA)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthenticated"));
    }

    @Test
    void malformedTokenIs401() {
        given().header("Authorization", "Bearer not.a.jwt").get("/v1/companies/{id}/branches", companyA)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/companies/{id}/branches", companyA)
                .then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        given().auth().oauth2(TestTokens.expired(companyA)).get("/v1/companies/{id}/branches", companyA)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() {
        given().auth().oauth2(TestTokens.signedWithAnotherKey(companyA)).get("/v1/companies/{id}/branches", companyA)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403() {
        given().auth().oauth2(TestTokens.agent(companyA)).contentType(ContentType.JSON)
                .body(Map.of("name", "Sneaky", "timeZone", "Europe/Berlin"))
                .post("/v1/companies/{id}/branches", companyA)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(TestTokens.tenantAdmin(companyA)).contentType(ContentType.JSON)
                .body(Map.of("name", "Another tenant", "defaultRegion", "DE"))
                .post("/v1/companies").then().statusCode(403);
    }

    @Test
    void tenantCannotSeeAnotherTenantsBranch() {
        given().auth().oauth2(TestTokens.tenantAdmin(companyA)).get("/v1/companies/{c}/branches/{b}", companyB, branchB)
                .then().statusCode(404).contentType("application/problem+json");
        // Even under its own company path, another tenant's branch id finds nothing.
        given().auth().oauth2(TestTokens.tenantAdmin(companyA)).get("/v1/companies/{c}/branches/{b}", companyA, branchB)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.tenantAdmin(companyB)).get("/v1/companies/{c}/branches/{b}", companyB, branchB)
                .then().statusCode(200).body("id", equalTo(branchB.toString()));
    }

    @Test
    void tenantCannotResolveAnotherTenantsNumber() {
        String number = Directory.freshBerlinNumber();
        Directory.number(companyB, branchB, number);
        given().auth().oauth2(TestTokens.agent(companyA)).queryParam("number", number).get("/v1/resolve")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.agent(companyB)).queryParam("number", number).get("/v1/resolve")
                .then().statusCode(200).body("branchId", equalTo(branchB.toString()));
    }

    @Test
    void apiKeyExchangesForAScopedTokenAndRevocationEndsIt() {
        String key = given().auth().oauth2(TestTokens.tenantAdmin(companyB)).contentType(ContentType.JSON)
                .body(Map.of("name", "voice agent", "groups", new String[]{"agent"}))
                .post("/v1/companies/{c}/api-keys", companyB)
                .then().statusCode(201).body("key", startsWith("cbk_")).extract().path("key");
        String token = given().contentType(ContentType.JSON).body(Map.of("apiKey", key)).post("/v1/tokens")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("tenant", equalTo(companyB.toString()))
                .body("accessToken", notNullValue())
                .extract().path("accessToken");
        given().auth().oauth2(token).get("/v1/companies/{c}/branches/{b}", companyB, branchB).then().statusCode(200);
        given().auth().oauth2(token).get("/v1/companies/{c}/branches", companyA).then().statusCode(404);

        // The plain key is never shown again.
        given().auth().oauth2(TestTokens.tenantAdmin(companyB)).get("/v1/companies/{c}/api-keys", companyB)
                .then().statusCode(200).body("[0].key", org.hamcrest.Matchers.nullValue())
                .body("[0].prefix", notNullValue());

        String keyId = given().auth().oauth2(TestTokens.tenantAdmin(companyB)).get("/v1/companies/{c}/api-keys", companyB)
                .then().extract().path("[0].id");
        given().auth().oauth2(TestTokens.tenantAdmin(companyB)).delete("/v1/companies/{c}/api-keys/{k}", companyB, keyId)
                .then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("apiKey", key)).post("/v1/tokens")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tenantAdminCannotMintPlatformKeys() {
        given().auth().oauth2(TestTokens.tenantAdmin(companyB)).contentType(ContentType.JSON)
                .body(Map.of("name", "escalate", "groups", new String[]{"platform-admin"}))
                .post("/v1/companies/{c}/api-keys", companyB)
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("invalid-groups"));
    }

    @Test
    void garbageApiKeyIs401() {
        given().contentType(ContentType.JSON).body(Map.of("apiKey", "cbk_nothing_here")).post("/v1/tokens")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
