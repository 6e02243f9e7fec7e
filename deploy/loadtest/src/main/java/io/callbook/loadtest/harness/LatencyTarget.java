package io.callbook.loadtest.harness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the design's latency targets (DESIGN: performance targets) and the line a bench writes about it. A flagged
 * run misses its target whatever its p99: a p99 over the few requests that got through proves nothing.
 *
 * @param scenario the row name of the run it judges
 */
public record LatencyTarget(String scenario, int p99Ms) {

    /** Adds the target's line to the notes; true when it was missed. */
    public boolean check(List<RunResult> results, List<String> notes) {
        Optional<RunResult> run = results.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
        boolean missed = run.map(r -> r.stats().p99() > p99Ms || r.isFlagged()).orElse(false);
        notes.add(run.map(r -> String.format(Locale.ROOT, "Target %s p99 ≤ %d ms: %s (p99 %d ms at %.0f/s%s).",
                        scenario, p99Ms, missed ? "MISSED" : "met", r.stats().p99(), r.achievedRate(),
                        r.isFlagged() ? ", run flagged" : ""))
                .orElse("Target " + scenario + " p99 ≤ " + p99Ms + " ms: not measured."));
        return missed;
    }
}
