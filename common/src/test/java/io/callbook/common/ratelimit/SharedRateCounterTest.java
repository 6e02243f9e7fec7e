package io.callbook.common.ratelimit;

import io.callbook.common.RealRedis;
import io.vertx.mutiny.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixed-window counters, alone and as two replicas sharing a real Redis. Nothing here runs the periodic flush:
 * each test flushes when it wants the replicas to exchange their counts.
 */
class SharedRateCounterTest {

    private static RealRedis redis;
    private final String bucket = "test-" + UUID.randomUUID();
    private final Duration window = Limits.CENTURY;

    @BeforeAll
    static void connect() {
        redis = new RealRedis();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Test
    void countsUpToTheLimitThenRefusesUntilTheWindowEnds() {
        SharedRateCounter counter = replicaWithoutRedis();

        RateLimitDecision first = counter.count(bucket, 3, window);
        counter.count(bucket, 3, window);
        RateLimitDecision third = counter.count(bucket, 3, window);
        RateLimitDecision fourth = counter.count(bucket, 3, window);

        assertTrue(first.allowed());
        assertEquals(2, first.remaining());
        assertTrue(third.allowed());
        assertEquals(0, third.remaining());
        assertFalse(fourth.allowed());
        assertEquals(0, fourth.remaining());
        assertEquals(3, fourth.limit());
        assertTrue(fourth.resetSeconds() >= 1 && fourth.resetSeconds() <= window.toSeconds(), "" + fourth.resetSeconds());
    }

    @Test
    void eachBucketCountsOnItsOwn() {
        SharedRateCounter counter = replicaWithoutRedis();
        counter.count(bucket, 1, window);

        assertFalse(counter.count(bucket, 1, window).allowed());
        assertTrue(counter.count(bucket + "-other", 1, window).allowed());
    }

    @Test
    void aFlushAddsTheReplicasCountsToRedis() {
        SharedRateCounter counter = replica();
        for (int i = 0; i < 3; i++) {
            counter.count(bucket, 100, window);
        }

        counter.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> sharedCount() == 3);
        long millisLeft = redis.running().execute("PTTL", key()).await().indefinitely().toLong();
        assertTrue(millisLeft > 0, "the counter expires with its window: PTTL " + millisLeft);
    }

    @Test
    void aReplicaCountsWhatTheOthersCountedOnceItFlushes() {
        SharedRateCounter first = replica();
        SharedRateCounter second = replica();
        int limit = 1_000;
        for (int i = 0; i < 3; i++) {
            first.count(bucket, limit, window);
        }
        first.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> sharedCount() == 3);
        second.count(bucket, limit, window);
        second.count(bucket, limit, window);

        second.flush();

        // Its answer to Redis arrives asynchronously; from then on each decision counts the first replica's 3 too.
        int[] ownCount = {2};
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ownCount[0]++;
            return second.count(bucket, limit, window).remaining() == limit - 3 - ownCount[0];
        });
    }

    @Test
    void aFlushOfMoreBucketsThanOneScriptTakesAddsAndLearnsThemAll() {
        SharedRateCounter first = replica();
        SharedRateCounter second = replica();
        int limit = 1_000;
        List<String> buckets = IntStream.range(0, 2 * SharedRateCounter.KEYS_PER_SCRIPT + 3)
                .mapToObj(i -> bucket + "-" + i).toList();
        buckets.forEach(each -> {
            first.count(each, limit, window);
            first.count(each, limit, window);
        });
        first.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> buckets.stream().allMatch(each -> sharedCount(each) == 2));
        buckets.forEach(each -> second.count(each, limit, window));

        second.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> buckets.stream().allMatch(each -> sharedCount(each) == 3));
        // Its answers arrive asynchronously; once learnt, each bucket's decision counts the first replica's 2 as well.
        int secondScript = SharedRateCounter.KEYS_PER_SCRIPT;
        for (String each : List.of(buckets.getFirst(), buckets.get(secondScript), buckets.getLast())) {
            int[] ownCount = {1};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ownCount[0]++;
                return second.count(each, limit, window).remaining() == limit - 2 - ownCount[0];
            });
        }
    }

    @Test
    void withoutRedisEachReplicaStillEnforcesTheLimitOnItsOwnTraffic() {
        SharedRateCounter counter = new SharedRateCounter(redis.down(), redis.vertx().getDelegate(), Limits.of(2));
        counter.count(bucket, 2, window);
        counter.count(bucket, 2, window);

        counter.flush();

        assertFalse(counter.count(bucket, 2, window).allowed());
    }

    @Test
    void aReplicaKeepsABoundedNumberOfCounters() {
        SharedRateCounter counter = new SharedRateCounter(null, null, Limits.of(100).maxBuckets(100));

        for (int i = 0; i < 10_000; i++) {
            counter.count(bucket + "-" + i, 100, window);
        }

        assertTrue(counter.bucketsInMemory() <= 100, "" + counter.bucketsInMemory());
    }

    @Test
    void theCountersStayBoundedWhileRedisIsDown() {
        SharedRateCounter counter = new SharedRateCounter(redis.down(), redis.vertx().getDelegate(),
                Limits.of(2).maxBuckets(100));
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 500; i++) {
                counter.count(bucket + "-" + round + "-" + i, 2, window);
            }
            counter.flush();
        }
        counter.count(bucket, 2, window);
        counter.count(bucket, 2, window);

        assertTrue(counter.bucketsInMemory() <= 100, "" + counter.bucketsInMemory());
        assertFalse(counter.count(bucket, 2, window).allowed(), "a busy client is still limited");
    }

    private SharedRateCounter replica() {
        return new SharedRateCounter(redis.running(), redis.vertx().getDelegate(), Limits.of(100));
    }

    private static SharedRateCounter replicaWithoutRedis() {
        return new SharedRateCounter(null, null, Limits.of(100));
    }

    private String key() {
        return key(bucket);
    }

    private String key(String bucket) {
        return SharedRateCounter.KEY_PREFIX + bucket + ":" + System.currentTimeMillis() / window.toMillis();
    }

    private long sharedCount() {
        return sharedCount(bucket);
    }

    private long sharedCount(String bucket) {
        Response value = redis.running().execute("GET", key(bucket)).await().indefinitely();
        return value == null ? 0 : value.toLong();
    }
}
