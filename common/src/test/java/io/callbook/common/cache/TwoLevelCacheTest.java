package io.callbook.common.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.RealRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheImpl;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheInfo;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache in front of every hot read, against a real Redis: each test's cache has a name of its own, and a second
 * cache of the same name with its own in-process level plays another replica.
 */
class TwoLevelCacheTest {

    record Greeting(String text, int times) {
    }

    private static RealRedis redis;
    private final ObjectMapper json = new ObjectMapper();
    private final String name = "test-" + UUID.randomUUID();
    private final MeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeAll
    static void connect() {
        redis = new RealRedis();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Test
    void aMissLoadsOnceThenTheReplicaAnswersFromItsOwnMemory() {
        TwoLevelCache<Greeting> cache = replica(redis.running());
        CountingLoader loader = new CountingLoader(key -> Optional.of(new Greeting("hello " + key, 1)));

        assertEquals(Optional.of(new Greeting("hello a", 1)), cache.get("a", loader));
        assertEquals(Optional.of(new Greeting("hello a", 1)), cache.get("a", loader));

        assertEquals(1, loader.calls.get());
        assertEquals(1, count("source", "miss"));
        assertEquals(1, count("local", "hit"));
    }

    @Test
    void anotherReplicaFindsTheValueInRedisWithoutLoading() {
        replica(redis.running()).get("a", key -> Optional.of(new Greeting("from the database", 2)));
        CountingLoader loader = new CountingLoader(key -> Optional.of(new Greeting("must not be read", 0)));

        assertEquals(Optional.of(new Greeting("from the database", 2)), replica(redis.running()).get("a", loader));
        assertEquals(0, loader.calls.get());
        assertEquals(1, count("redis", "hit"));
    }

    @Test
    void anAbsentValueIsCachedSoUnknownKeysDoNotReachTheSource() {
        CountingLoader loader = new CountingLoader(key -> Optional.empty());
        replica(redis.running()).get("unknown", loader);

        assertEquals(Optional.empty(), replica(redis.running()).get("unknown", loader));
        assertEquals(1, loader.calls.get());
    }

    @Test
    void aHitInMemoryIsAnsweredOnTheCallingThread() {
        TwoLevelCache<Greeting> cache = replica(redis.running());
        cache.put("a", Optional.of(new Greeting("warm", 3)));

        CompletionStage<Optional<Greeting>> answer = cache.getAsync("a", key -> {
            throw new AssertionError("a hit must not load");
        });

        assertTrue(answer.toCompletableFuture().isDone(), "completed before getAsync returned");
        assertEquals(Optional.of(new Greeting("warm", 3)), answer.toCompletableFuture().join());
    }

    @Test
    void aMissIsLoadedOffTheCallingThread() throws Exception {
        Thread caller = Thread.currentThread();
        AtomicInteger loadedOnCaller = new AtomicInteger();
        Optional<Greeting> value = replica(redis.running()).getAsync("a", key -> {
            if (Thread.currentThread() == caller) {
                loadedOnCaller.incrementAndGet();
            }
            return Optional.of(new Greeting("loaded", 4));
        }).toCompletableFuture().get();

        assertEquals(Optional.of(new Greeting("loaded", 4)), value);
        assertEquals(0, loadedOnCaller.get());
    }

    @Test
    void invalidateDropsTheKeyFromBothLevels() {
        TwoLevelCache<Greeting> cache = replica(redis.running());
        cache.put("a", Optional.of(new Greeting("old", 1)));

        cache.invalidate("a");

        CountingLoader loader = new CountingLoader(key -> Optional.of(new Greeting("new", 2)));
        assertEquals(Optional.of(new Greeting("new", 2)), cache.get("a", loader), "neither level kept the old value");
        assertEquals(1, loader.calls.get());
    }

    @Test
    void invalidateAllEmptiesRedisForThisCacheOnly() {
        TwoLevelCache<Greeting> cache = replica(redis.running());
        TwoLevelCache<Greeting> other = new TwoLevelCache<>(name + "-other", local(), store(redis.running()),
                json, Greeting.class, Duration.ofMinutes(5), metrics);
        cache.put("a", Optional.of(new Greeting("a", 1)));
        cache.put("b", Optional.of(new Greeting("b", 1)));
        other.put("a", Optional.of(new Greeting("kept", 1)));

        cache.invalidateAll();

        CountingLoader loader = new CountingLoader(key -> Optional.of(new Greeting("reloaded", 2)));
        replica(redis.running()).get("a", loader);
        replica(redis.running()).get("b", loader);
        assertEquals(2, loader.calls.get());
        assertEquals(Optional.of(new Greeting("kept", 1)), new TwoLevelCache<>(name + "-other", local(),
                store(redis.running()), json, Greeting.class, Duration.ofMinutes(5), metrics)
                .get("a", key -> Optional.empty()));
    }

    @Test
    void redisEntriesExpireAfterTheirTtl() {
        replica(redis.running()).get("a", key -> Optional.of(new Greeting("a", 1)));

        long millisLeft = redis.running().execute("PTTL", "cache:" + name + ":a").await().indefinitely().toLong();

        assertTrue(millisLeft > 0 && millisLeft <= Duration.ofMinutes(5).toMillis(), "PTTL " + millisLeft);
    }

    @Test
    void withoutRedisEveryReadIsServedFromTheSourceAndNoCallerFails() {
        TwoLevelCache<Greeting> cache = replica(redis.down());
        CountingLoader loader = new CountingLoader(key -> Optional.of(new Greeting("from the database", 1)));

        assertEquals(Optional.of(new Greeting("from the database", 1)), cache.get("a", loader));
        assertEquals(Optional.of(new Greeting("from the database", 1)), cache.get("a", loader));
        cache.invalidate("a");
        cache.invalidateAll();

        assertEquals(1, loader.calls.get(), "the in-process level still serves");
        assertTrue(metrics.get("callbook.cache.redis.errors").tag("cache", name).counter().count() >= 2,
                "the failed read and write are counted");
    }

    private TwoLevelCache<Greeting> replica(ReactiveRedisDataSource redisClient) {
        return new TwoLevelCache<>(name, local(), store(redisClient), json, Greeting.class,
                Duration.ofMinutes(5), metrics);
    }

    /** A busy test machine may take longer than production's 150 ms; no outcome here may hang on its speed. */
    private static RedisCacheStore store(ReactiveRedisDataSource redisClient) {
        return new RedisCacheStore(redisClient, Duration.ofSeconds(30));
    }

    private CaffeineCacheImpl local() {
        CaffeineCacheInfo info = new CaffeineCacheInfo();
        info.name = name;
        info.maximumSize = 100L;
        return new CaffeineCacheImpl(info, false);
    }

    private double count(String level, String result) {
        return metrics.get("callbook.cache.lookups").tag("cache", name).tag("level", level).tag("result", result)
                .counter().count();
    }

    private static final class CountingLoader implements Function<String, Optional<Greeting>> {
        final AtomicInteger calls = new AtomicInteger();
        private final Function<String, Optional<Greeting>> load;

        CountingLoader(Function<String, Optional<Greeting>> load) {
            this.load = load;
        }

        @Override
        public Optional<Greeting> apply(String key) {
            calls.incrementAndGet();
            return load.apply(key);
        }
    }
}
