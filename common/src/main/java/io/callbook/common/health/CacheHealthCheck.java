package io.callbook.common.health;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Redis is a cache and a rate-limit store, not a dependency we may fail on: without it the
 * service answers from the database. So readiness stays UP and reports the cache as down.
 */
@Readiness
@ApplicationScoped
public class CacheHealthCheck implements AsyncHealthCheck {

    private final ReactiveRedisDataSource redis;

    public CacheHealthCheck(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(Duration.ofMillis(500)).fail()
                .map(pong -> HealthCheckResponse.named("cache").up().withData("redis", "up").build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("cache").up()
                        .withData("redis", "down")
                        .withData("mode", "degraded: serving from the database")
                        .withData("error", String.valueOf(failure.getMessage()))
                        .build());
    }
}
