package io.callbook.webhook.signing.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;

/**
 * The keys that encrypt stored provider and endpoint secrets (Kubernetes Secret; devstack makes one per stack). To
 * rotate: give the new key a new id, move the old one to {@code old-keys}, restart, then re-encrypt
 * ({@code POST /v1/ops/secrets/re-encrypt}); once that reports nothing left under the old key, drop it.
 */
@ConfigMapping(prefix = "callbook.secrets")
public interface SecretsConfig {

    /** Base64 AES-256 key that encrypts every new value. */
    @WithName("key")
    String secretsKey();

    /** The current key's id, written in front of every value it encrypts (letters, digits, '-', '_'). */
    @WithName("key-id")
    @WithDefault("1")
    String keyId();

    /** Keys that only decrypt, each {@code <id>:<base64 key>}: values sealed before a rotation. */
    @WithName("old-keys")
    Optional<List<String>> oldKeys();

    /**
     * The id of the key that sealed values written before keys had ids (they carry none): the first key, whose id
     * the default of {@code key-id} gave it.
     */
    @WithName("legacy-key-id")
    @WithDefault("1")
    String legacyKeyId();
}
