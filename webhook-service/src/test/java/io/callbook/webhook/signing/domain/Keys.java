package io.callbook.webhook.signing.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Secrets-key configurations as an operator writes them, for building SecretBoxes of a rotation's stages. */
record Keys(String secretsKey, String keyId, List<String> old, String legacyKeyId) implements SecretsConfig {

    static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static SecretBox box(String currentId, String currentKey, String... oldKeys) {
        return new SecretBox(new Keys(currentKey, currentId, List.of(oldKeys), "1"));
    }

    @Override
    public Optional<List<String>> oldKeys() {
        return old.isEmpty() ? Optional.empty() : Optional.of(old);
    }
}
