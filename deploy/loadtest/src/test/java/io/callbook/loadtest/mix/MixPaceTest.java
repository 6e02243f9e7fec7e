package io.callbook.loadtest.mix;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixPaceTest {

    @Test
    void thePlannedRateFollowsFromCallsStepsAndThinkTimes() {
        MixPace pace = new MixPace(250, Duration.ofMillis(300), 0.3, 3);

        assertEquals(5.8, pace.requestsPerCall(), 1e-9);
        assertEquals(3.8, pace.thinksPerCall(), 1e-9);
        assertEquals(Duration.ofMillis(1_140), pace.meanCallLength());
        assertEquals(250 / 1.14, pace.callsPerSecond(), 1e-6);
        assertEquals(250 / 1.14 * 5.8 + 3, pace.plannedRate(), 1e-6);
    }

    @Test
    void realTalkNeedsTenTimesTheCallsForTheSameRate() {
        MixPace pace = new MixPace(3_200, Duration.ofSeconds(4), 0.3, 3);
        assertTrue(pace.plannedRate() >= MixBench.TARGET_RATE, "planned " + pace.plannedRate());
    }

    @Test
    void aPauseIsWhatIsLeftOfAThinkTimeAfterTheAnswer() {
        MixPace pace = new MixPace(1, Duration.ofMillis(1_000), 0, 0);
        long started = 1_000_000_000L;
        RandomGenerator middle = fixed(0.5); // the mean think time
        assertEquals(Duration.ofMillis(1_000), pace.pauseAfter(started, started, middle));
        assertEquals(Duration.ofMillis(800), pace.pauseAfter(started, started + 200_000_000L, middle));
        assertEquals(Duration.ZERO, pace.pauseAfter(started, started + 1_500_000_000L, middle), "a late answer: at once");
        assertEquals(Duration.ofMillis(500), pace.pauseAfter(started, started, fixed(0)), "half the mean at least");
    }

    @Test
    void aMixNeedsTimeBetweenSteps() {
        assertThrows(IllegalArgumentException.class, () -> new MixPace(10, Duration.ZERO, 0.3, 3));
        assertThrows(IllegalArgumentException.class, () -> new MixPace(0, Duration.ofSeconds(1), 0.3, 3));
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
