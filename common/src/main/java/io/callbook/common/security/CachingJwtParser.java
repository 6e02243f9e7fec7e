package io.callbook.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * Verifies each bearer token once and then remembers it until it expires. The RS256 signature check cost about 40 %
 * of the CPU at 2 000 requests/s (see docs/benchmarks.md), while a voice platform sends the same token thousands of
 * times. A token is only cached after a full verification, and only until its own {@code exp}, so an expired or forged
 * token is never accepted from the cache.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

    private final Cache<String, JsonWebToken> verified;

    public CachingJwtParser(JWTAuthContextInfo authContext, AuthConfig config) {
        super(authContext);
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.verifiedTokenCacheSize())
                .expireAfter(new UntilTokenExpiry())
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = verified.getIfPresent(token);
        if (cached != null) {
            return cached;
        }
        JsonWebToken parsed = super.parse(token);
        if (parsed.getExpirationTime() > 0) {
            verified.put(token, parsed);
        }
        return parsed;
    }

    private static final class UntilTokenExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
            return left.isNegative() ? 0 : left.toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
