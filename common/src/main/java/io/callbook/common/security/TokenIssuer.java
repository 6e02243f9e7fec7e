package io.callbook.common.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Signs short-lived RS256 tokens with the key from {@code smallrye.jwt.sign.key.location}. */
@ApplicationScoped
public class TokenIssuer {

    private final AuthConfig config;

    public TokenIssuer(AuthConfig config) {
        this.config = config;
    }

    public IssuedToken issue(String subject, UUID tenant, Set<String> groups) {
        return issue(subject, tenant, groups, config.tokenTtl());
    }

    public IssuedToken issue(String subject, UUID tenant, Set<String> groups, Duration ttl) {
        Instant now = Instant.now();
        var claims = Jwt.issuer(config.issuer())
                .subject(subject)
                .groups(groups)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("jti", UUID.randomUUID().toString());
        if (tenant != null) {
            claims.claim(CallerContext.TENANT_CLAIM, tenant.toString());
        }
        return new IssuedToken(claims.sign(), ttl.toSeconds(), tenant, groups);
    }

    public record IssuedToken(String accessToken, long expiresIn, UUID tenant, Set<String> groups) {
    }
}
