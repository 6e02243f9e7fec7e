package io.callbook.common.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A token's signature is checked once; what the cache answers is never more than a full check would accept. */
class CachingJwtParserTest {

    /** Generous, so that a token that expired a moment ago still passes the full check on a slow machine. */
    private static final int CLOCK_SKEW_SECONDS = 600;

    private static KeyPair ours;
    private static KeyPair forger;
    private final CachingJwtParser parser = new CachingJwtParser(authContext(), new CacheSize(100));

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        ours = generator.generateKeyPair();
        forger = generator.generateKeyPair();
    }

    @Test
    void aVerifiedTokenIsAnsweredFromTheCacheUntilItExpires() throws ParseException {
        String token = token(ours, Instant.now().plus(Duration.ofMinutes(10)));

        JsonWebToken first = parser.parse(token);

        assertSame(first, parser.parse(token), "the second parse skipped the signature check");
        assertEquals("agent-1", first.getSubject());
    }

    @Test
    void aForgedTokenIsRefusedEveryTime() {
        String forged = token(forger, Instant.now().plus(Duration.ofMinutes(10)));

        assertThrows(ParseException.class, () -> parser.parse(forged));
        assertThrows(ParseException.class, () -> parser.parse(forged), "a refused token is not remembered");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = token(ours, Instant.now().minus(Duration.ofSeconds(CLOCK_SKEW_SECONDS + 60)));

        assertThrows(ParseException.class, () -> parser.parse(expired));
    }

    @Test
    void aTokenPastItsExpiryIsNeverAnsweredFromTheCache() throws ParseException {
        // Past its exp, yet within the verifier's clock skew: the full check accepts it, the cache must not keep it.
        String justExpired = token(ours, Instant.now().minus(Duration.ofSeconds(5)));

        JsonWebToken first = parser.parse(justExpired);

        assertNotSame(first, parser.parse(justExpired), "verified again");
    }

    @Test
    void theCallerOfACachedTokenIsReadOnce() throws ParseException {
        JsonWebToken jwt = parser.parse(token(ours, Instant.now().plus(Duration.ofMinutes(10))));

        VerifiedCaller caller = parser.caller(jwt);

        assertSame(caller, parser.caller(jwt));
        assertEquals(Set.of(Roles.AGENT), caller.groups());
        assertEquals("agent-1", caller.subject());
    }

    @Test
    void theCallerOfATokenNotInTheCacheIsReadFromTheToken() throws ParseException {
        JsonWebToken jwt = new CachingJwtParser(authContext(), new CacheSize(100))
                .parse(token(ours, Instant.now().plus(Duration.ofMinutes(10))));

        VerifiedCaller caller = parser.caller(jwt);

        assertEquals("agent-1", caller.subject());
        assertEquals(Set.of(Roles.AGENT), caller.groups());
    }

    private static String token(KeyPair signer, Instant expiresAt) {
        return Jwt.issuer("callbook")
                .subject("agent-1")
                .groups(Set.of(Roles.AGENT))
                .issuedAt(expiresAt.minus(Duration.ofMinutes(15)))
                .expiresAt(expiresAt)
                .claim(VerifiedCaller.TENANT_CLAIM, UUID.randomUUID().toString())
                .jws().sign(signer.getPrivate());
    }

    private static JWTAuthContextInfo authContext() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(ours.getPublic(), "callbook");
        context.setClockSkew(CLOCK_SKEW_SECONDS);
        return context;
    }

    private record CacheSize(int verifiedTokenCacheSize) implements AuthConfig {

        @Override
        public Duration tokenTtl() {
            return Duration.ofMinutes(15);
        }

        @Override
        public String issuer() {
            return "callbook";
        }

        @Override
        public Optional<String> bootstrapApiKey() {
            return Optional.empty();
        }

        @Override
        public Duration bootstrapApiKeyTtl() {
            return Duration.ofDays(7);
        }
    }
}
