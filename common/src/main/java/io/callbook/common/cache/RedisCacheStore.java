package io.callbook.common.cache;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared cache level. Every call is bounded by a short timeout and guarded by a circuit
 * breaker: when Redis is gone, callers fall back to their source of truth after one fast failure
 * instead of waiting on every request. Each method has a breaker of its own.
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 2000, successThreshold = 1)
public class RedisCacheStore {

    private static final Duration TIMEOUT = Duration.ofMillis(150);

    private final ReactiveRedisDataSource redis;
    private final Duration commandTimeout;

    @Inject
    public RedisCacheStore(ReactiveRedisDataSource redis) {
        this(redis, TIMEOUT);
    }

    /** Tests give a busy machine more time than a cache read may take in production. */
    RedisCacheStore(ReactiveRedisDataSource redis, Duration commandTimeout) {
        this.redis = redis;
        this.commandTimeout = commandTimeout;
    }

    public Optional<String> get(String key) {
        Response response = redis.execute("GET", key).ifNoItem().after(commandTimeout).fail().await().indefinitely();
        return Optional.ofNullable(response).map(Response::toString);
    }

    public void set(String key, String value, Duration ttl) {
        redis.execute("SET", key, value, "PX", Long.toString(ttl.toMillis()))
                .ifNoItem().after(commandTimeout).fail().await().indefinitely();
    }

    /** Deletes every key under the prefix with SCAN, which never blocks Redis the way KEYS would. */
    public long deleteByPrefix(String prefix) {
        long deleted = 0;
        String cursor = "0";
        do {
            Response page = redis.execute("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000").await().atMost(Duration.ofSeconds(5));
            cursor = page.get(0).toString();
            List<String> keys = new ArrayList<>();
            page.get(1).forEach(key -> keys.add(key.toString()));
            if (!keys.isEmpty()) {
                deleted += redis.execute("DEL", keys.toArray(String[]::new)).await().atMost(Duration.ofSeconds(5)).toLong();
            }
        } while (!"0".equals(cursor));
        return deleted;
    }

    public void delete(List<String> keys) {
        if (!keys.isEmpty()) {
            redis.execute("DEL", keys.toArray(String[]::new)).ifNoItem().after(commandTimeout).fail().await().indefinitely();
        }
    }

    /** A Lua script: the way to read or write several keys of one slot atomically in one round trip. */
    public Response eval(String script, List<String> keys, List<String> args, Duration timeout) {
        return execute(script, keys, args, timeout);
    }

    /**
     * As {@link #eval}, for a writer nobody waits on (an event consumer). Its own breaker: under load its time-outs
     * must not open the one that readers with a caller on the line go through.
     */
    public Response evalInBackground(String script, List<String> keys, List<String> args, Duration timeout) {
        return execute(script, keys, args, timeout);
    }

    private Response execute(String script, List<String> keys, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(keys.size() + args.size() + 2);
        command.add(script);
        command.add(Integer.toString(keys.size()));
        command.addAll(keys);
        command.addAll(args);
        return redis.execute("EVAL", command.toArray(String[]::new)).ifNoItem().after(timeout).fail().await().indefinitely();
    }
}
