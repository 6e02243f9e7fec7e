package io.callbook.common.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lower bounds only: a slow machine rests longer, never shorter. */
class WarmingPaceTest {

    @Test
    void restsInProportionToTheWork() throws InterruptedException {
        WarmingPace pace = new WarmingPace(3, Duration.ofSeconds(10));
        long start = System.nanoTime();
        Thread.sleep(20);
        long workDone = System.nanoTime();

        pace.restAfter(start);

        long rest = System.nanoTime() - workDone;
        assertTrue(rest >= Duration.ofMillis(60).toNanos(), "rested " + rest / 1_000_000 + " ms after 20 ms of work");
    }

    @Test
    void neverRestsLongerThanItsLimitAtATime() {
        WarmingPace pace = new WarmingPace(3, Duration.ofMillis(1));
        long longAgo = System.nanoTime() - Duration.ofSeconds(30).toNanos();
        long before = System.nanoTime();

        pace.restAfter(longAgo);

        assertTrue(System.nanoTime() - before < Duration.ofSeconds(30).toNanos(), "not 90 s for 30 s of work");
    }
}
