package io.callbook.loadtest.mix;

import io.callbook.loadtest.harness.RunResult;

import java.util.List;

/**
 * What a mix run measured and read back.
 *
 * @param steps    a row per step, in the order of {@link MixStep}; what they cost is in the total's usage
 * @param total    every request of the run, suite-wide; asked = the planned rate, users = the concurrent calls; its
 *                 usage has each service, PostgreSQL, Redis, Kafka and the generator over the run
 * @param calls    calls completed (their last step sent)
 * @param notes    what the run found beyond the tables
 */
record MixResult(List<RunResult> steps, RunResult total, long calls, CallEventsCheck.Outcome events, BookedSlotsCheck.Outcome bookings, List<String> notes) {

    RunResult step(MixStep step) {
        return steps.stream().filter(row -> row.scenario().equals(step.label())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(step.label() + " was not part of the run"));
    }
}
