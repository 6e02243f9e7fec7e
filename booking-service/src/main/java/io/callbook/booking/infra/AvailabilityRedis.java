package io.callbook.booking.infra;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Lua scripts against the shared Redis, each call bounded by a timeout, all behind one circuit breaker (as
 * {@code common}'s RedisCacheStore does for plain keys): when Redis is gone, availability is computed from the
 * database after one fast failure instead of waiting on every request.
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
    public CompletionStage<io.vertx.redis.client.Response> mget(List<String> keys, Duration timeout) {
        Request request = Request.cmd(Command.MGET);
        keys.forEach(request::arg);
        return redis.getRedis().getDelegate().send(request).toCompletionStage().toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 2000, successThreshold = 1)
    public Response eval(String script, List<String> keys, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(keys.size() + args.size() + 2);
        command.add(script);
        command.add(Integer.toString(keys.size()));
        command.addAll(keys);
        command.addAll(args);
        return redis.execute("EVAL", command.toArray(String[]::new)).ifNoItem().after(timeout).fail().await().indefinitely();
    }
}
