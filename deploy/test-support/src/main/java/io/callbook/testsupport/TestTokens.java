package io.callbook.testsupport;

import io.callbook.devstack.Devstack;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens as resolver-service issues them (its signing key and kid, the shared devstack's; an audience of every
 * service), plus broken ones. The services of a test verify them against the stack's JWKS, as they would verify
 * resolver-service's. Role names are the claims of {@code common}'s Roles.
 */
public final class TestTokens {

    /** Every service of the suite: test tokens are not what an audience test is about ({@link #forAudience}). */
    public static final Set<String> ALL_SERVICES = Set.of("resolver-service", "booking-service", "webhook-service",
            "perf-ops-service");

    private static volatile Signer signer;

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

    /** A tenant admin's token for these services only. */
    public static String forAudience(UUID company, Set<String> audience) {
        return sign(Jwt.issuer("callbook").subject("test-" + UUID.randomUUID()).groups(Set.of("tenant-admin"))
                .claim("tenant", company.toString()).audience(audience).expiresIn(600));
    }

    public static String expired(UUID company) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(Jwt.issuer("callbook").subject("test").groups(Set.of("tenant-admin")).audience(ALL_SERVICES)
                .claim("tenant", company.toString()).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))));
    }

    public static String signedWithAnotherKey(UUID company) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer("callbook").subject("test").groups(Set.of("tenant-admin")).audience(ALL_SERVICES)
                    .claim("tenant", company.toString()).expiresIn(600)
                    .jws().keyId(signer().keyId()).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs claims a test built itself (with their audience, e.g. {@link #ALL_SERVICES}) with the stack's key and kid. */
    public static String sign(JwtClaimsBuilder claims) {
        Signer key = signer();
        return claims.jws().keyId(key.keyId()).sign(key.privateKey());
    }

    private static String token(UUID company, Set<String> groups, Duration ttl) {
        var claims = Jwt.issuer("callbook").subject("test-" + UUID.randomUUID()).groups(groups).audience(ALL_SERVICES)
                .expiresIn(ttl);
        if (company != null) {
            claims.claim("tenant", company.toString());
        }
        return sign(claims);
    }

    private static Signer signer() {
        Signer current = signer;
        if (current == null) {
            Devstack stack = Devstack.shared();
            try {
                String pem = Files.readString(stack.privateKeyPath());
                byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
                current = new Signer(stack.signingKeyId(),
                        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            signer = current;
        }
        return current;
    }

    private record Signer(String keyId, PrivateKey privateKey) {
    }
}
