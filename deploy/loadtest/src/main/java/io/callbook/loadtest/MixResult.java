package io.callbook.loadtest;

import java.util.List;
import java.util.Map;

/**
 * What a mix run measured and read back.
 *
 * @param steps    a row per step, in the order of {@link MixStep}; the service columns are unknown (see services)
 * @param total    every request of the run, suite-wide; asked = the planned rate, users = the concurrent calls
 * @param services name → CPU and peak RSS of each service's JVM over the run
 * @param calls    calls completed (their last step sent)
 * @param notes    what the run found beyond the tables
 */
record MixResult(List<RunResult> steps, RunResult total, Map<String, ProcessUsage> services, ProcessUsage generator,
                 long calls, CallEventsCheck.Outcome events, BookedSlotsCheck.Outcome bookings, List<String> notes) {

    RunResult step(MixStep step) {
        return steps.stream().filter(row -> row.scenario().equals(step.label())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(step.label() + " was not part of the run"));
    }
}
