package io.callbook.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.callbook.common.api.RequestTenant;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.security.PublicKey;
import java.time.Instant;

/**
 * Verifies each bearer token once and then remembers it until it expires. The RS256 signature check cost about 40 %
 * of the CPU at 2 000 requests/s (see docs/benchmarks.md), while a voice platform sends the same token thousands of
 * times. A token is only cached after a full verification, and only until its own {@code exp}, so an expired or forged
 * token is never accepted from the cache.
 *
 * <p>The key comes from resolver-service's JWKS by the token's {@code kid} (SmallRye JWT fetches and refreshes it), or,
 * in resolver-service itself, from its own {@link LocalVerificationKeys}. Either way the issuer, audience and expiry
 * checks are SmallRye's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

    private final Cache<String, Verified> verified;
    private final LocalVerificationKeys localKeys;

    @Inject
    public CachingJwtParser(JWTAuthContextInfo authContext, AuthConfig config, Instance<LocalVerificationKeys> localKeys) {
        this(authContext, config, localKeys.isResolvable() ? localKeys.get() : null);
    }

    public CachingJwtParser(JWTAuthContextInfo authContext, AuthConfig config) {
        this(authContext, config, (LocalVerificationKeys) null);
    }

    public CachingJwtParser(JWTAuthContextInfo authContext, AuthConfig config, LocalVerificationKeys localKeys) {
        super(authContext);
        this.localKeys = localKeys;
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.verifiedTokenCacheSize())
                .expireAfter(new UntilTokenExpiry())
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified cached = verified.getIfPresent(token);
        if (cached != null) {
            RequestTenant.bind(cached.caller().tenant().orElse(null));
            return cached.jwt();
        }
        JsonWebToken parsed = localKeys == null ? super.parse(token) : verify(token, localKey(token));
        VerifiedCaller caller = VerifiedCaller.of(parsed);
        if (parsed.getExpirationTime() > 0) {
            verified.put(token, new Verified(parsed, caller));
        }
        // Authentication runs in the request's context: its log lines from here on name the caller's tenant.
        RequestTenant.bind(caller.tenant().orElse(null));
        return parsed;
    }

    private PublicKey localKey(String token) throws ParseException {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            String keyId = jws.getKeyIdHeaderValue();
            return localKeys.publicKey(keyId == null ? "" : keyId)
                    .orElseThrow(() -> new ParseException("No published key has the token's kid " + keyId));
        } catch (JoseException e) {
            throw new ParseException("Not a signed token", e);
        }
    }

    /** The caller of a token this parser verified, read from the token only when it is no longer cached. */
    public VerifiedCaller caller(JsonWebToken token) {
        String raw = token.getRawToken();
        Verified cached = raw == null ? null : verified.getIfPresent(raw);
        return cached != null ? cached.caller() : VerifiedCaller.of(token);
    }

    private record Verified(JsonWebToken jwt, VerifiedCaller caller) {
    }

    private static final class UntilTokenExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String token, Verified verified, long currentTime) {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(verified.jwt().getExpirationTime()));
            return left.isNegative() ? 0 : left.toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, Verified verified, long currentTime, long currentDuration) {
            return expireAfterCreate(token, verified, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
