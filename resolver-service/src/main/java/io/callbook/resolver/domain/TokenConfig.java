package io.callbook.resolver.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The token-signing keys, which only resolver-service holds, and the tokens it issues (docs/adr/0013). */
@ConfigMapping(prefix = "callbook.tokens")
public interface TokenConfig {

    /**
     * Folder of PEM keys (a mounted Secret): {@code signing.pem}, the private key that signs, and any other
     * {@code *.pem} (private or public), published beside it: the next key ahead of a rollover, the previous one until
     * the tokens it signed have expired.
     */
    Path keyDir();

    /** How often the folder is read again, so a changed Secret takes effect without a restart. */
    @WithDefault("30s")
    Duration reloadInterval();

    /** How long verifiers may keep the published JWKS before they fetch it again (its Cache-Control max-age). */
    @WithDefault("PT5M")
    Duration jwksMaxAge();

    /** Lifetime of the agent tokens issued to webhook-service for a tenant. */
    @WithDefault("PT10M")
    Duration agentTokenTtl();

    /**
     * The secret webhook-service presents to obtain a tenant's agent token (POST /internal/v1/agent-tokens); without it
     * that exchange refuses everyone.
     */
    Optional<String> agentExchangeSecret();
}
