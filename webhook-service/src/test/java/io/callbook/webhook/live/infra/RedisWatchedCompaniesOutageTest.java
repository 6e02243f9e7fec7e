package io.callbook.webhook.live.infra;

import io.callbook.webhook.live.domain.LiveCalls;
import io.callbook.webhook.live.domain.LiveConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without Redis no replica can tell who follows what, so every company's activity is sent. */
class RedisWatchedCompaniesOutageTest {

    @Test
    void withoutRedisEveryCompanyCounts() {
        RedisWatchedCompanies watched = new RedisWatchedCompanies(new LiveCalls(CONFIG), CONFIG, redisThatIsDown());

        assertTrue(watched.watched(UUID.randomUUID()), "before the first refresh nothing is known");
        watched.refresh();
        assertTrue(watched.watched(UUID.randomUUID()), "a failed refresh knows nothing either");
    }

    private static ReactiveRedisDataSource redisThatIsDown() {
        Object commands = Proxy.newProxyInstance(ReactiveSortedSetCommands.class.getClassLoader(),
                new Class<?>[]{ReactiveSortedSetCommands.class}, (proxy, method, args) ->
                        Uni.createFrom().failure(
                                new IllegalStateException("Connection refused: localhost/127.0.0.1:26379")));
        return (ReactiveRedisDataSource) Proxy.newProxyInstance(ReactiveRedisDataSource.class.getClassLoader(),
                new Class<?>[]{ReactiveRedisDataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sortedSet")) {
                        return commands;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final LiveConfig CONFIG = new LiveConfig() {
        @Override
        public int buffer() {
            return 16;
        }

        @Override
        public Duration heartbeat() {
            return Duration.ofSeconds(15);
        }

        @Override
        public Duration watchRefresh() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration watchExpiry() {
            return Duration.ofSeconds(5);
        }
    };
}
