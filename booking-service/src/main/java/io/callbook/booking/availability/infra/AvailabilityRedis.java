package io.callbook.booking.availability.infra;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The cached-availability hit path's MGET, on Vert.x's client directly; the Lua scripts go through {@code common}'s
 * RedisCacheStore and its circuit breaker.
 */
@ApplicationScoped
public class AvailabilityRedis {

    private final ReactiveRedisDataSource redis;

    public AvailabilityRedis(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** The first command pays for the connection; let start-up pay, not the first caller's 150 ms budget. */
    void warmUp(@Observes StartupEvent start) {
        redis.execute("PING").subscribe().with(pong -> { }, failure -> { });
    }

    /**
     * MGET on Vert.x's own client, completed on the caller's event loop: the cached-availability hit path runs there,
     * and Mutiny's context-propagating operators would cost more than the command.
     */
    public CompletionStage<Response> mget(List<String> keys, Duration timeout) {
        Request request = Request.cmd(Command.MGET);
        keys.forEach(request::arg);
        return redis.getRedis().getDelegate().send(request).toCompletionStage().toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
