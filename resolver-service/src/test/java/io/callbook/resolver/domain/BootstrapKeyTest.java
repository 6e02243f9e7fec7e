package io.callbook.resolver.domain;

import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The bootstrap platform-admin key from configuration: it can be revoked like any platform key and stays revoked, it
 * expires, and a start without it (or with another one) revokes it. Each test registers keys the way a start does.
 */
@QuarkusTest
class BootstrapKeyTest {

    private static final Duration WEEK = Duration.ofDays(7);

    @Inject
    ApiKeys keys;

    @Test
    void aRevokedBootstrapKeyStaysRevokedThoughTheConfigurationStillHoldsIt() {
        String bootstrap = newKey();
        keys.registerBootstrapKey(Optional.of(bootstrap), WEEK);
        exchange(bootstrap).statusCode(200).body("groups.size()", equalTo(2));
        Object id = platformKey(bootstrap).get("id");

        given().auth().oauth2(TestTokens.platformAdmin()).delete("/v1/api-keys/{id}", id).then().statusCode(204);

        exchange(bootstrap).statusCode(401);
        keys.registerBootstrapKey(Optional.of(bootstrap), WEEK); // the next start
        exchange(bootstrap).statusCode(401);
        assertNotNull(platformKey(bootstrap).get("revokedAt"));
        assertEquals(true, platformKey(bootstrap).get("bootstrap"));
    }

    @Test
    void theBootstrapKeyExpiresItsLifetimeAfterItWasRegistered() {
        String bootstrap = newKey();
        keys.registerBootstrapKey(Optional.of(bootstrap), WEEK);
        assertNotNull(platformKey(bootstrap).get("expiresAt"));
        exchange(bootstrap).statusCode(200);

        keys.registerBootstrapKey(Optional.of(bootstrap), Duration.ZERO); // restarted with a shorter lifetime

        exchange(bootstrap).statusCode(401);
    }

    @Test
    void aStartWithoutTheBootstrapKeyOrWithAnotherOneRevokesIt() {
        String first = newKey();
        keys.registerBootstrapKey(Optional.of(first), WEEK);
        String second = newKey();

        keys.registerBootstrapKey(Optional.of(second), WEEK);
        exchange(first).statusCode(401);
        exchange(second).statusCode(200);

        keys.registerBootstrapKey(Optional.empty(), WEEK);
        exchange(second).statusCode(401);
    }

    @Test
    void onlyPlatformAdminsSeeAndRevokePlatformKeys() {
        String bootstrap = newKey();
        keys.registerBootstrapKey(Optional.of(bootstrap), WEEK);
        Object id = platformKey(bootstrap).get("id");

        given().auth().oauth2(TestTokens.ops()).get("/v1/api-keys").then().statusCode(403);
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID())).delete("/v1/api-keys/{id}", id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.platformAdmin()).delete("/v1/api-keys/{id}", UUID.randomUUID())
                .then().statusCode(404);
        exchange(bootstrap).statusCode(200);
    }

    /** The platform key with this plain key's prefix, as GET /v1/api-keys lists it. */
    private static Map<String, Object> platformKey(String plain) {
        String prefix = plain.split("_")[1];
        List<Map<String, Object>> all = given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/api-keys")
                .then().statusCode(200).extract().path("$");
        return all.stream().filter(key -> prefix.equals(key.get("prefix"))).findFirst().orElseThrow();
    }

    private static ValidatableResponse exchange(String apiKey) {
        return given().contentType(ContentType.JSON).body(Map.of("apiKey", apiKey)).post("/v1/tokens").then();
    }

    private static String newKey() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder key = new StringBuilder("cbk_");
        for (int i = 0; i < 41; i++) {
            key.append(i == 8 ? '_' : alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return key.toString();
    }
}
