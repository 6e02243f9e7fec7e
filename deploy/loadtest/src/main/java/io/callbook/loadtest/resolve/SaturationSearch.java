package io.callbook.loadtest.resolve;

import io.callbook.loadtest.harness.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Raises the open-model rate step by step until a step is not sustained: more than 1 % errors, less than 95 % of the
 * asked rate achieved (throughput stopped growing), or a p99 above the limit (latency blew up).
 */
final class SaturationSearch {

    private final int start;
    private final int step;
    private final int max;
    private final int p99LimitMs;

    SaturationSearch(int start, int step, int max, int p99LimitMs) {
        this.start = start;
        this.step = step;
        this.max = max;
        this.p99LimitMs = p99LimitMs;
    }

    /** @param measure runs one step at the given rate */
    Outcome search(IntFunction<RunResult> measure) {
        List<RunResult> steps = new ArrayList<>();
        RunResult highest = null;
        for (int rate = start; rate <= max; rate += step) {
            RunResult result = measure.apply(rate);
            steps.add(result);
            if (!isSustained(result)) {
                break;
            }
            highest = result;
        }
        return new Outcome(steps, Optional.ofNullable(highest));
    }

    boolean isSustained(RunResult result) {
        return !result.isFlagged() && result.stats().p99() <= p99LimitMs;
    }

    /** Why a step ended the search, for the summary line. */
    String whyNotSustained(RunResult result) {
        List<String> reasons = new ArrayList<>(result.flags());
        if (result.stats().p99() > p99LimitMs) {
            reasons.add("p99 " + result.stats().p99() + " ms > " + p99LimitMs + " ms");
        }
        return String.join(", ", reasons);
    }

    record Outcome(List<RunResult> steps, Optional<RunResult> highestSustained) {
    }
}
