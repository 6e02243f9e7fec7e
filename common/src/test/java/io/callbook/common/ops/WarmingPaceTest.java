package io.callbook.common.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void worksThroughEveryPieceWithinTheBudget() {
        WarmingPace pace = new WarmingPace(3, Duration.ofMillis(1));

        WarmingPace.Progress progress = pace.workThrough(List.of(2, 3, 4), Duration.ofMinutes(10), size -> size);

        assertEquals(new WarmingPace.Progress(9, 3, 0), progress);
    }

    @Test
    void stopsWhenTheBudgetIsSpentAndSaysWhatIsLeft() {
        WarmingPace pace = new WarmingPace(3, Duration.ofMillis(1));

        WarmingPace.Progress progress = pace.workThrough(List.of(1, 1, 1, 1), Duration.ofMillis(50), piece -> {
            sleep(Duration.ofMillis(60));
            return piece;
        });

        assertEquals(new WarmingPace.Progress(1, 1, 3), progress);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
