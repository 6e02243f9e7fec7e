package io.callbook.resolver.domain;

import io.callbook.common.security.AuthConfig;
import io.callbook.common.security.VerifiedCaller;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Signs short-lived RS256 tokens with the current signing key, naming it in the header ({@code kid}) so verifiers pick
 * it from the published JWKS, and naming the services that may accept the token ({@code aud}).
 */
@ApplicationScoped
public class TokenIssuer {

    private final AuthConfig config;
    private final SigningKeys keys;

    public TokenIssuer(AuthConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public IssuedToken issue(String subject, UUID tenant, Set<String> groups, Set<String> audience, Duration ttl) {
        Instant now = Instant.now();
        var claims = Jwt.issuer(config.issuer())
                .subject(subject)
                .groups(groups)
                .audience(audience)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("jti", UUID.randomUUID().toString());
        if (tenant != null) {
            claims.claim(VerifiedCaller.TENANT_CLAIM, tenant.toString());
        }
        SigningKeys.SigningKey key = keys.signing();
        return new IssuedToken(claims.jws().keyId(key.keyId()).sign(key.privateKey()), ttl.toSeconds(), tenant, groups);
    }

    public record IssuedToken(String accessToken, long expiresIn, UUID tenant, Set<String> groups) {
    }
}
