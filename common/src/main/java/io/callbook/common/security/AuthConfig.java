package io.callbook.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.auth")
public interface AuthConfig {

    /** Lifetime of tokens issued for an API key; short, because they cannot be revoked. */
    @WithDefault("PT15M")
    Duration tokenTtl();

    @WithDefault("callbook")
    String issuer();

    /**
     * A platform-admin API key the directory accepts from the first start on, so an operator (or
     * the local run) can create the first company. Unset in production once real keys exist: a start without it
     * revokes it. It can also be revoked like any platform key (DELETE /v1/api-keys/{id}).
     */
    java.util.Optional<String> bootstrapApiKey();

    /** How long the bootstrap key is accepted after it was first registered; then it expires like a revoked key. */
    @WithDefault("P7D")
    Duration bootstrapApiKeyTtl();

    /** Verified tokens remembered until they expire (a token is ~1 KiB; clients reuse theirs). */
    @WithDefault("10000")
    int verifiedTokenCacheSize();
}
