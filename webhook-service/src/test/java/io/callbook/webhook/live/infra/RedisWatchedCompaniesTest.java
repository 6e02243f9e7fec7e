package io.callbook.webhook.live.infra;

import io.callbook.webhook.live.domain.LiveCalls;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The companies followed live, as replicas tell each other through the real Redis. */
@QuarkusTest
class RedisWatchedCompaniesTest {

    @Inject
    RedisWatchedCompanies watched;

    @Inject
    LiveCalls live;

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void anotherReplicasStreamCountsUntilItsWordRunsOut() {
        UUID elsewhere = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        long now = System.currentTimeMillis();
        redis.sortedSet(String.class).zadd(RedisWatchedCompanies.KEY,
                Map.of(elsewhere.toString(), now + 60_000.0, gone.toString(), now - 1.0)).await().indefinitely();

        watched.refresh();

        assertTrue(watched.watched(elsewhere));
        assertFalse(watched.watched(gone));
        assertFalse(watched.watched(UUID.randomUUID()));
        redis.sortedSet(String.class).zrem(RedisWatchedCompanies.KEY, elsewhere.toString()).await().indefinitely();
    }

    @Test
    void thisReplicasStreamCountsAtOnceAndIsToldToTheOthers() {
        UUID company = UUID.randomUUID();
        watched.refresh();
        assertFalse(watched.watched(company));

        Cancellable stream = live.follow(company).subscribe().with(activity -> { });
        try {
            assertTrue(watched.watched(company));
            watched.refresh();
            assertNotNull(redis.sortedSet(String.class).zscore(RedisWatchedCompanies.KEY, company.toString())
                    .await().indefinitely());
        } finally {
            stream.cancel();
        }
        assertFalse(live.followed(company));
    }
}
