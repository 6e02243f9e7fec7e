package io.callbook.webhook.signing.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rotation of the secrets-at-rest key on the real database: sealed with key 1 (with and without key id), key 2
 * becomes current, everything still opens, re-encryption moves the rows, and key 1 can go. The stages' keys are this
 * test's own, so the running service's rows (sealed with its key) are only ever counted as unreadable, never touched.
 */
@QuarkusTest
class SecretRotationTest {

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Test
    void encryptWithKey1RotateToKey2ReencryptThenDropKey1() {
        String key1 = Keys.random();
        String key2 = Keys.random();
        SecretBox first = Keys.box("1", key1);
        UUID company = UUID.randomUUID();
        Map<UUID, String> plain = new LinkedHashMap<>();
        UUID legacy = integration(company, SecretBoxTest.legacySeal(key1, "legacy-secret-0001"));
        plain.put(legacy, "legacy-secret-0001");
        UUID versioned = integration(company, first.seal("versioned-secret-01"));
        plain.put(versioned, "versioned-secret-01");
        UUID endpoint = endpoint(company, first.seal("whsec_endpoint"));

        SecretBox rotated = Keys.box("2", key2, "1:" + key1);
        plain.forEach((id, secret) -> assertEquals(secret, rotated.open(sealed("integrations", id))));
        assertEquals("whsec_endpoint", rotated.open(sealed("webhook_endpoints", endpoint)));

        SecretReencryption.Result result = new SecretReencryption(rotated, dataSource).run();
        assertEquals("2", result.keyId());
        assertTrue(result.reencrypted() >= 3, "moved: " + result);

        SecretBox key2Only = Keys.box("2", key2);
        plain.forEach((id, secret) -> {
            String now = sealed("integrations", id);
            assertTrue(now.startsWith("2:"), now);
            assertEquals(secret, key2Only.open(now));
            assertThrows(IllegalStateException.class, () -> first.open(now));
        });
        assertEquals("whsec_endpoint", key2Only.open(sealed("webhook_endpoints", endpoint)));

        // Again: what is under key 2 stays exactly as it is.
        List<String> before = plain.keySet().stream().map(id -> sealed("integrations", id)).toList();
        new SecretReencryption(key2Only, dataSource).run();
        assertEquals(before, plain.keySet().stream().map(id -> sealed("integrations", id)).toList());
    }

    private UUID integration(UUID company, String sealed) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into integrations (id, company_id, provider, name, secret_sealed, created_at, updated_at)
                        values (:id, :company, 'voice', 'Rotation', :sealed, now(), now())""")
                .setParameter("id", id).setParameter("company", company).setParameter("sealed", sealed).executeUpdate());
        return id;
    }

    private UUID endpoint(UUID company, String sealed) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into webhook_endpoints (id, company_id, url, event_types, secret_sealed, created_at, updated_at)
                        values (:id, :company, 'https://example.org/hook', '{*}', :sealed, now(), now())""")
                .setParameter("id", id).setParameter("company", company).setParameter("sealed", sealed).executeUpdate());
        return id;
    }

    private String sealed(String table, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select secret_sealed from " + table + " where id = :id").setParameter("id", id)
                .getSingleResult());
    }
}
