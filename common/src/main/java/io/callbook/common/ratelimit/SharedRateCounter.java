package io.callbook.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.callbook.common.cache.OutageLog;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window request counters shared by all replicas through Redis, without a Redis round trip per request: each
 * replica counts locally and decides at once against the latest shared total plus its own count, and adds its counts
 * to Redis in one batch per flush interval (100 ms by default), reading back the total of every replica.
 *
 * <p>A replica's decision is exact for its own traffic; other replicas' traffic is seen one flush late, so all
 * replicas together can overshoot a limit by at most what they receive in one flush interval. Without Redis each
 * replica still enforces the limit on its own traffic, and the outage is logged once.
 *
 * <p>A replica keeps at most {@code max-buckets} windows in memory, each until its window has ended: with more
 * clients than that the least recently used are forgotten (their counts, once flushed, live on in Redis), so neither
 * a flood of clients nor counts piling up while Redis is down can exhaust the heap.
 */
@ApplicationScoped
public class SharedRateCounter {

    /**
     * Per key (ARGV: its batch, then its window's length), INCRBY and, for a new counter, PEXPIRE atomically, so that a
     * counter can never live forever; returns the totals in the keys' order. One script for all the keys of a flush:
     * a round trip per key cost booking-service a tenth of its event loops' time under the voice bench, where every
     * request counts for its own tenant's buckets.
     */
    private static final String ADD_SCRIPT = """
            local totals = {}
            for i, key in ipairs(KEYS) do
              local batch = tonumber(ARGV[2 * i - 1])
              local total = redis.call('INCRBY', key, batch)
              if total == batch then redis.call('PEXPIRE', key, ARGV[2 * i]) end
              totals[i] = total
            end
            return totals""";
    /**
     * Every counter's key starts with this hash tag, so that all of them lie in one Redis Cluster slot: a script may
     * only touch keys of one slot, and one script carries a whole flush.
     */
    static final String KEY_PREFIX = "{rl}:";
    /** Redis runs a script alone: a bounded number of keys per script keeps any pause for its other clients short. */
    static final int KEYS_PER_SCRIPT = 256;

    private final ReactiveRedisDataSource redis;
    private final Vertx vertx;
    private final RateLimitConfig config;
    private final Cache<String, Window> windows;
    private final OutageLog outageLog = new OutageLog(SharedRateCounter.class);
    private long timerId = -1;

    public SharedRateCounter(ReactiveRedisDataSource redis, Vertx vertx, RateLimitConfig config) {
        this.redis = redis;
        this.vertx = vertx;
        this.config = config;
        this.windows = Caffeine.newBuilder()
                .maximumSize(config.maxBuckets())
                .expireAfter(new UntilWindowEnds())
                // Evictions run on the counting thread, so the bound holds at once and no pool thread is needed.
                .executor(Runnable::run)
                .build();
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            timerId = vertx.setPeriodic(config.flushInterval().toMillis(), id -> flush());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    public RateLimitDecision count(String bucket, int limit, Duration window) {
        long now = System.currentTimeMillis();
        long windowMillis = window.toMillis();
        long index = now / windowMillis;
        long end = (index + 1) * windowMillis;
        Window counts = windows.get(KEY_PREFIX + bucket + ":" + index, key -> new Window(end, windowMillis));
        long total = counts.othersTotal + counts.local.incrementAndGet();
        counts.unflushed.incrementAndGet();
        long resetSeconds = Math.max(1, (end - now + 999) / 1000);
        return new RateLimitDecision(total <= limit, limit, Math.max(0, limit - total), resetSeconds);
    }

    /** Adds every window's new counts to Redis and learns what the other replicas counted meanwhile. */
    void flush() {
        List<Unflushed> batch = new ArrayList<>();
        for (Map.Entry<String, Window> entry : windows.asMap().entrySet()) {
            long count = entry.getValue().unflushed.getAndSet(0);
            if (count > 0) {
                batch.add(new Unflushed(entry.getKey(), entry.getValue(), count));
                if (batch.size() == KEYS_PER_SCRIPT) {
                    add(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            add(batch);
        }
    }

    private void add(List<Unflushed> batch) {
        List<String> args = new ArrayList<>(2 + 3 * batch.size());
        args.add(ADD_SCRIPT);
        args.add(Integer.toString(batch.size()));
        batch.forEach(counts -> args.add(counts.key()));
        batch.forEach(counts -> {
            args.add(Long.toString(counts.count()));
            args.add(Long.toString(counts.window().windowMillis));
        });
        redis.execute("EVAL", args.toArray(String[]::new))
                .ifNoItem().after(config.redisTimeout()).fail()
                .subscribe().with(
                        totals -> {
                            for (int i = 0; i < batch.size(); i++) {
                                Unflushed counts = batch.get(i);
                                counts.window().learn(totals.get(i).toLong(), counts.count());
                            }
                        },
                        failure -> {
                            batch.forEach(counts -> counts.window().unflushed.addAndGet(counts.count()));
                            logOutage(failure);
                        });
    }

    private record Unflushed(String key, Window window, long count) {
    }

    /** Windows held in memory now. */
    long bucketsInMemory() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    private void logOutage(Throwable failure) {
        outageLog.warn("Rate limits are enforced per replica only: Redis did not answer (%s)", failure.toString());
    }

    /** One bucket's counts in one window, on this replica. */
    private static final class Window {
        final long end;
        final long windowMillis;
        final AtomicLong local = new AtomicLong();
        final AtomicLong unflushed = new AtomicLong();
        private long flushed;
        volatile long othersTotal;

        Window(long end, long windowMillis) {
            this.end = end;
            this.windowMillis = windowMillis;
        }

        synchronized void learn(long sharedTotal, long batch) {
            flushed += batch;
            othersTotal = Math.max(0, sharedTotal - flushed);
        }
    }

    /** A window is kept a second past its end, for the flush of its last counts. */
    private static final class UntilWindowEnds implements Expiry<String, Window> {

        @Override
        public long expireAfterCreate(String key, Window window, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, window.end + 1_000 - System.currentTimeMillis()));
        }

        @Override
        public long expireAfterUpdate(String key, Window window, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String key, Window window, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
