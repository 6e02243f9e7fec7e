package io.callbook.webhook.signing.api;

import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.signing.domain.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SecretsResourceTest {

    @Inject
    EntityManager entityManager;

    @Inject
    SecretBox secrets;

    @Test
    void operatorsMoveValuesWrittenBeforeKeyIdsToTheCurrentKey() throws Exception {
        UUID id = UUID.randomUUID();
        String legacy = legacySeal(ConfigProvider.getConfig().getValue("callbook.secrets.key", String.class), "old-format-secret");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into integrations (id, company_id, provider, name, secret_sealed, created_at, updated_at)
                        values (:id, :company, 'voice', 'Before key ids', :sealed, now(), now())""")
                .setParameter("id", id).setParameter("company", UUID.randomUUID()).setParameter("sealed", legacy)
                .executeUpdate());
        assertEquals("old-format-secret", secrets.open(legacy));

        given().auth().oauth2(TestTokens.platformAdmin()).post("/v1/ops/secrets/re-encrypt").then().statusCode(200)
                .body("keyId", equalTo(secrets.currentKeyId()));
        String now = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select secret_sealed from integrations where id = :id").setParameter("id", id)
                .getSingleResult());
        assertTrue(now.startsWith(secrets.currentKeyId() + ":"), now);
        assertEquals("old-format-secret", secrets.open(now));
    }

    @Test
    void onlyOperatorsMayReencrypt() {
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID())).post("/v1/ops/secrets/re-encrypt").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.agent(UUID.randomUUID())).post("/v1/ops/secrets/re-encrypt").then()
                .statusCode(403);
        given().post("/v1/ops/secrets/re-encrypt").then().statusCode(401);
    }

    private static String legacySeal(String key, String secret) throws Exception {
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    }
}
