package io.callbook.common.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window counters in Redis, shared by every replica and kept across restarts. When Redis
 * cannot answer in time the request is let through (fail-open) and the outage is logged, at
 * most once every ten seconds.
 */
@ApplicationScoped
public class RedisRateLimiter {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);
    // INCR and the first PEXPIRE in one round trip, atomically, so a counter can never live forever.
    private static final String COUNT_SCRIPT =
            "local c = redis.call('INCR', KEYS[1]) "
            + "if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "return c";

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;
    private final AtomicLong lastOutageLog = new AtomicLong();

    public RedisRateLimiter(ReactiveRedisDataSource redis, RateLimitConfig config) {
        this.redis = redis;
        this.timeout = config.redisTimeout();
    }

    public Uni<RateLimitDecision> count(String bucket, int limit, Duration window) {
        long now = System.currentTimeMillis();
        long windowMillis = window.toMillis();
        long windowIndex = now / windowMillis;
        long resetSeconds = Math.max(1, ((windowIndex + 1) * windowMillis - now + 999) / 1000);
        String key = "rl:" + bucket + ":" + windowIndex;
        return redis.execute("EVAL", COUNT_SCRIPT, "1", key, Long.toString(windowMillis))
                .ifNoItem().after(timeout).fail()
                .map(Response::toLong)
                .map(count -> new RateLimitDecision(count <= limit, limit, Math.max(0, limit - count), resetSeconds, true))
                .onFailure().recoverWithItem(failure -> {
                    logOutage(failure);
                    return RateLimitDecision.unchecked(limit);
                });
    }

    private void logOutage(Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastOutageLog.get();
        if (now - last > 10_000 && lastOutageLog.compareAndSet(last, now)) {
            LOG.warnf("Rate limiting is not enforced: Redis did not answer (%s)", failure.toString());
        }
    }
}
