package io.callbook.webhook.signing.domain;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    private final String key1 = Keys.random();
    private final String key2 = Keys.random();

    @Test
    void everyValueNamesItsKeyAndOpensAfterARotation() {
        SecretBox first = Keys.box("1", key1);
        String sealed = first.seal("whsec_abc");
        assertTrue(sealed.startsWith("1:"), sealed);
        assertEquals("whsec_abc", first.open(sealed));

        SecretBox rotated = Keys.box("2", key2, "1:" + key1);
        assertEquals("whsec_abc", rotated.open(sealed), "the old key still opens what it sealed");
        String resealed = rotated.seal("whsec_abc");
        assertTrue(resealed.startsWith("2:"), resealed);
        assertFalse(rotated.isCurrent(sealed));
        assertTrue(rotated.isCurrent(resealed));

        SecretBox withoutKey1 = Keys.box("2", key2);
        assertEquals("whsec_abc", withoutKey1.open(resealed));
        IllegalStateException dropped = assertThrows(IllegalStateException.class, () -> withoutKey1.open(sealed));
        assertTrue(dropped.getMessage().contains("key 1"), dropped.getMessage());
    }

    @Test
    void valuesWithoutAKeyIdAreTheLegacyKeys() {
        String legacy = legacySeal(key1, "cbs_0123456789abcdef");
        assertEquals("cbs_0123456789abcdef", Keys.box("1", key1).open(legacy));
        SecretBox rotated = Keys.box("2", key2, "1:" + key1);
        assertEquals("cbs_0123456789abcdef", rotated.open(legacy));
        assertFalse(rotated.isCurrent(legacy));
    }

    @Test
    void aKeyIdCannotBeSwappedForAnother() {
        // The id is bound into the tag: relabelling a value for another key that happens to be the same fails.
        SecretBox both = Keys.box("2", key1, "1:" + key1);
        String sealed = both.seal("secret");
        assertThrows(IllegalStateException.class, () -> both.open("1" + sealed.substring(1)));
    }

    @Test
    void misconfiguredKeysAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> Keys.box("1", "c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> Keys.box("a:b", key1));
        assertThrows(IllegalArgumentException.class, () -> Keys.box("2", key2, key1));
        assertThrows(IllegalArgumentException.class, () -> Keys.box("2", key2, "2:" + key1));
    }

    /** A value as SecretBox wrote it before key ids: base64(nonce | ciphertext | tag), no id, no associated data. */
    static String legacySeal(String key, String secret) {
        try {
            byte[] nonce = new byte[12];
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                    new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
