package io.callbook.common.warmup;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupWarmUpTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void everyTaskGetsItsPassesAndNoMore() {
        CountingTask first = new CountingTask("first", 0, Integer.MAX_VALUE);
        CountingTask second = new CountingTask("second", 0, Integer.MAX_VALUE);

        Map<String, StartupWarmUp.TaskResult> results = StartupWarmUp.run(List.of(first, second), 5, NO_LIMIT, 0);

        assertEquals(5, first.calls);
        assertEquals(5, second.calls);
        assertEquals(5, results.get("first").passes());
        assertFalse(results.get("first").outOfTime());
    }

    @Test
    void aTaskWithNothingToWarmStopsAndTheOthersGoOn() {
        CountingTask empty = new CountingTask("empty", 0, 0);
        CountingTask busy = new CountingTask("busy", 0, Integer.MAX_VALUE);

        Map<String, StartupWarmUp.TaskResult> results = StartupWarmUp.run(List.of(empty, busy), 3, NO_LIMIT, 0);

        assertEquals(1, empty.calls);
        assertTrue(results.get("empty").nothingToWarm());
        assertEquals(0, results.get("empty").passes());
        assertEquals(3, results.get("busy").passes());
    }

    @Test
    void failedPassesAreRetriedAndDoNotCountAsPasses() {
        CountingTask starting = new CountingTask("starting", 2, Integer.MAX_VALUE);

        Map<String, StartupWarmUp.TaskResult> results = StartupWarmUp.run(List.of(starting), 3, NO_LIMIT, 1);

        assertEquals(5, starting.calls);
        assertEquals(3, results.get("starting").passes());
        assertEquals(2, results.get("starting").failures());
        assertTrue(results.get("starting").toString().contains("dependency still starting"));
    }

    @Test
    void theBudgetEndsTheWarmUpWhateverIsLeft() {
        CountingTask failing = new CountingTask("failing", Integer.MAX_VALUE, Integer.MAX_VALUE);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);

        Map<String, StartupWarmUp.TaskResult> results = StartupWarmUp.run(List.of(failing), 1_000, deadline, 5);

        assertTrue(results.get("failing").outOfTime());
        assertEquals(0, results.get("failing").passes());
        assertTrue(results.get("failing").failures() > 0);
    }

    @Test
    void withoutTasksThereIsNothingToDo() {
        assertTrue(StartupWarmUp.run(List.of(), 400, NO_LIMIT, 0).isEmpty());
    }

    /** Fails its first {@code failures} passes, then has {@code work} passes of something to warm. */
    private static final class CountingTask implements WarmUpTask {

        private final String name;
        private int failures;
        private final int work;
        private int calls;

        CountingTask(String name, int failures, int work) {
            this.name = name;
            this.failures = failures;
            this.work = work;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean pass() {
            calls++;
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("dependency still starting");
            }
            return calls <= work;
        }
    }
}
