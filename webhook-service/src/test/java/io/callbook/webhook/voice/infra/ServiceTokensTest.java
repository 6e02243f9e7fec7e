package io.callbook.webhook.voice.infra;

import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.VoiceBackends;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * webhook-service's agent tokens come from the real resolver-service ({@link VoiceBackends}) for its exchange secret:
 * one per tenant, reused, good for that tenant's resolution and booking only, and none for a suspended company.
 */
@QuarkusTest
class ServiceTokensTest {

    @Inject
    ServiceTokens tokens;

    @Test
    void eachTenantHasOneAgentTokenWhichIsReused() throws Exception {
        UUID company = company("Token Salon");
        UUID other = company("Other Salon");

        String header = tokens.authorization(company);

        assertEquals(header, tokens.authorization(company), "reused, not asked for again");
        assertNotEquals(header, tokens.authorization(other));
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(header.split("\\.")[1])));
        assertEquals(company.toString(), claims.getStringClaimValue("tenant"));
        assertEquals(List.of("agent"), claims.getStringListClaimValue("groups"));
        assertEquals(Set.of("resolver-service", "booking-service"), Set.copyOf(claims.getAudience()));
        given().header("Authorization", header).get(VoiceBackends.bookingUrl() + "/v1/companies/{c}/services", company)
                .then().statusCode(200);
        given().header("Authorization", header).get("/v1/companies/{c}/integrations", company).then().statusCode(401);
    }

    @Test
    void aSuspendedCompanyGetsNoAgentToken() {
        UUID company = company("Suspended Salon");
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(Map.of("active", false))
                .put(VoiceBackends.resolverUrl() + "/v1/companies/{c}", company).then().statusCode(200);

        assertThrows(AgentTokenGateway.Refused.class, () -> tokens.authorization(company));
    }

    private static UUID company(String name) {
        return UUID.fromString(given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "defaultRegion", "DE")).post(VoiceBackends.resolverUrl() + "/v1/companies")
                .then().statusCode(201).extract().path("id"));
    }
}
