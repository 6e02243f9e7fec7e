package io.callbook.webhook.signing.domain;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encrypts provider secrets at rest (AES-256-GCM, a fresh nonce per value). They cannot be hashed: verifying an HMAC
 * signature needs the secret itself. A database dump alone therefore reveals no signing key.
 * <p>
 * A sealed value is {@code <key id>:<base64(nonce | ciphertext | tag)>}, the key id also bound into the tag as
 * associated data, so the key can rotate: new values use the current key, older ones open with the key their id
 * names. A value without an id (written before ids existed) opens with the legacy key. Base64 has no ':', so the
 * two forms cannot be confused.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final char SEPARATOR = ':';

    private final String currentId;
    private final String legacyId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretsConfig config) {
        this.currentId = keyId(config.keyId(), "callbook.secrets.key-id");
        this.legacyId = keyId(config.legacyKeyId(), "callbook.secrets.legacy-key-id");
        keys.put(currentId, key(config.secretsKey(), "callbook.secrets.key"));
        for (String entry : config.oldKeys().orElse(List.of())) {
            int separator = entry.indexOf(SEPARATOR);
            if (separator < 0) {
                throw new IllegalArgumentException("callbook.secrets.old-keys entries are <id>:<base64 key>");
            }
            String id = keyId(entry.substring(0, separator).strip(), "an id in callbook.secrets.old-keys");
            if (keys.putIfAbsent(id, key(entry.substring(separator + 1).strip(), "callbook.secrets.old-keys " + id)) != null) {
                throw new IllegalArgumentException("callbook.secrets.old-keys names key id " + id + " twice (or the current one)");
            }
        }
    }

    /** The id new values are sealed under. */
    public String currentKeyId() {
        return currentId;
    }

    /** @return whether the value was sealed with the current key (re-encryption leaves those alone) */
    public boolean isCurrent(String sealed) {
        return currentId.equals(keyIdOf(sealed));
    }

    public String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return currentId + SEPARATOR + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException when the value's key is not configured or the value does not decrypt with it */
    public String open(String sealed) {
        int separator = sealed.indexOf(SEPARATOR);
        boolean legacy = separator < 0;
        String id = legacy ? legacyId : sealed.substring(0, separator);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("A stored secret was sealed with key " + id
                    + ", which callbook.secrets does not hold (not the current key, nor in old-keys)");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(legacy ? sealed : sealed.substring(separator + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            if (!legacy) {
                cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            }
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret does not decrypt with key " + id
                    + ": was that key's value changed?", e);
        }
    }

    private String keyIdOf(String sealed) {
        int separator = sealed.indexOf(SEPARATOR);
        return separator < 0 ? legacyId : sealed.substring(0, separator);
    }

    private static String keyId(String id, String what) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 32 letters, digits, '-' or '_'");
        }
        return id;
    }

    private static SecretKeySpec key(String base64, String what) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(raw, "AES");
    }
}
