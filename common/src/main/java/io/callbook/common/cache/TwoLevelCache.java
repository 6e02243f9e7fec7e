package io.callbook.common.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * In-process cache (Caffeine, via quarkus-cache) in front of Redis in front of the loader (the
 * database). Absent values are cached too, so unknown keys cannot hammer the database. Redis
 * trouble never fails a caller: the value comes from the loader and the outage is logged.
 * Keys must carry the tenant where the value is tenant data.
 *
 * @param <V> a JSON-serialisable value type
 */
public final class TwoLevelCache<V> {

    private static final String ABSENT = "\u0000absent";

    private final String name;
    private final Cache local;
    private final RedisCacheStore redis;
    private final ObjectMapper json;
    private final JavaType valueType;
    private final Duration redisTtl;
    private final Counter localHits;
    private final Counter redisHits;
    private final Counter misses;
    private final Counter redisErrors;
    private final OutageLog outageLog = new OutageLog(TwoLevelCache.class);

    public TwoLevelCache(String name, Cache local, RedisCacheStore redis, ObjectMapper json, Class<V> valueType,
                         Duration redisTtl, MeterRegistry metrics) {
        this.name = name;
        this.local = local;
        this.redis = redis;
        this.json = json;
        this.valueType = json.constructType(valueType);
        this.redisTtl = redisTtl;
        this.localHits = lookups(metrics, "local", "hit");
        this.redisHits = lookups(metrics, "redis", "hit");
        this.misses = lookups(metrics, "source", "miss");
        this.redisErrors = Counter.builder("callbook.cache.redis.errors").tag("cache", name).register(metrics);
    }

    /**
     * Answers an in-process hit on the calling thread, so a hot read can stay on the event loop: handing each request
     * to a worker and back cost more CPU than the lookup itself (two thread wake-ups per request, see
     * docs/benchmarks.md). Only a miss moves to a worker thread, where Redis and the blocking loader may wait.
     */
    // A CompletionStage rather than a Uni: Quarkus decorates every Uni operator for context propagation, which cost a
    // tenth of a hit's CPU.
    @SuppressWarnings("unchecked")
    public CompletionStage<Optional<V>> getAsync(String key, Function<String, Optional<V>> blockingLoader) {
        CompletableFuture<Object> present = local.as(CaffeineCache.class).getIfPresent(key);
        if (present != null && present.isDone() && !present.isCompletedExceptionally()) {
            localHits.increment();
            return CompletableFuture.completedFuture((Optional<V>) present.join());
        }
        return CompletableFuture.supplyAsync(() -> get(key, blockingLoader), Infrastructure.getDefaultWorkerPool());
    }

    /** Blocking; call it on a worker thread. */
    public Optional<V> get(String key, Function<String, Optional<V>> loader) {
        AtomicBoolean loaded = new AtomicBoolean();
        Optional<V> value = local.<String, Optional<V>>get(key, k -> {
            loaded.set(true);
            return fromRedisOrLoader(k, loader);
        }).await().indefinitely();
        if (!loaded.get()) {
            localHits.increment();
        }
        return value;
    }

    /** Drops the key here and in Redis; other replicas drop their in-process copy on the same event. */
    public void invalidate(String key) {
        local.invalidate(key).await().indefinitely();
        try {
            redis.delete(List.of(redisKey(key)));
        } catch (RuntimeException e) {
            redisTrouble(e);
        }
    }

    /** Empties this replica's in-process level and the shared Redis level (other replicas keep their own). */
    public void invalidateAll() {
        local.invalidateAll().await().indefinitely();
        try {
            redis.deleteByPrefix(redisKey(""));
        } catch (RuntimeException e) {
            redisTrouble(e);
        }
    }

    /** Puts a freshly read value in both levels, e.g. when warming. */
    public void put(String key, Optional<V> value) {
        local.invalidate(key).await().indefinitely();
        local.<String, Optional<V>>get(key, k -> value).await().indefinitely();
        writeRedis(key, value);
    }

    private Optional<V> fromRedisOrLoader(String key, Function<String, Optional<V>> loader) {
        try {
            Optional<String> cached = redis.get(redisKey(key));
            if (cached.isPresent()) {
                redisHits.increment();
                return ABSENT.equals(cached.get()) ? Optional.empty() : Optional.of(json.readValue(cached.get(), valueType));
            }
        } catch (Exception e) {
            redisTrouble(e);
        }
        misses.increment();
        Optional<V> value = loader.apply(key);
        writeRedis(key, value);
        return value;
    }

    private void writeRedis(String key, Optional<V> value) {
        try {
            redis.set(redisKey(key), value.isPresent() ? json.writeValueAsString(value.get()) : ABSENT, redisTtl);
        } catch (Exception e) {
            redisTrouble(e);
        }
    }

    private String redisKey(String key) {
        return "cache:" + name + ":" + key;
    }

    private void redisTrouble(Exception e) {
        redisErrors.increment();
        outageLog.warn("Cache '%s' is serving without Redis: %s", name, e.toString());
    }

    private Counter lookups(MeterRegistry metrics, String level, String result) {
        return Counter.builder("callbook.cache.lookups")
                .tag("cache", name).tag("level", level).tag("result", result)
                .register(metrics);
    }
}
