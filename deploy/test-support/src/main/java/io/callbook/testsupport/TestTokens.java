package io.callbook.testsupport;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens as resolver-service issues them, signed with the key the test stack configures (so only inside a
 * {@code @QuarkusTest} of a service), plus broken ones. Role names are the claims of {@code common}'s Roles.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String platformAdmin() {
        return token(null, Set.of("platform-admin"), Duration.ofMinutes(10));
    }

    public static String ops() {
        return token(null, Set.of("ops"), Duration.ofMinutes(10));
    }

    public static String tenantAdmin(UUID company) {
        return token(company, Set.of("tenant-admin"), Duration.ofMinutes(10));
    }

    public static String agent(UUID company) {
        return token(company, Set.of("agent"), Duration.ofMinutes(10));
    }

    public static String expired(UUID company) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer("callbook").subject("test").groups(Set.of("tenant-admin"))
                .claim("tenant", company.toString()).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign();
    }

    public static String signedWithAnotherKey(UUID company) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer("callbook").subject("test").groups(Set.of("tenant-admin"))
                    .claim("tenant", company.toString()).expiresIn(600).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(UUID company, Set<String> groups, Duration ttl) {
        var claims = Jwt.issuer("callbook").subject("test-" + UUID.randomUUID()).groups(groups).expiresIn(ttl);
        if (company != null) {
            claims.claim("tenant", company.toString());
        }
        return claims.sign();
    }
}
