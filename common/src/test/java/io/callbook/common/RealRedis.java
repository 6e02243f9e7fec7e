package io.callbook.common;

import io.callbook.devstack.Devstack;
import io.callbook.devstack.Ports;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;

/**
 * Redis clients for plain tests of the mechanisms built on Redis: one on the devstack's real server, and one on a port
 * where nothing listens, which is what a service sees while Redis is down.
 */
public final class RealRedis implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private ReactiveRedisDataSource running;

    /** One client, as a service has; "replicas" in a test share it. */
    public synchronized ReactiveRedisDataSource running() {
        if (running == null) {
            running = on(Devstack.shared().redisUrl());
        }
        return running;
    }

    public ReactiveRedisDataSource down() {
        return on("redis://127.0.0.1:" + Ports.free());
    }

    public Vertx vertx() {
        return vertx;
    }

    private ReactiveRedisDataSource on(String url) {
        Redis redis = Redis.createClient(vertx, url);
        return new ReactiveRedisDataSourceImpl(vertx, redis, RedisAPI.api(redis));
    }

    @Override
    public void close() {
        vertx.closeAndAwait();
    }
}
