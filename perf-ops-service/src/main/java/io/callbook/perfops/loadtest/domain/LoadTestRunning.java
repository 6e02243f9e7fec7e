package io.callbook.perfops.loadtest.domain;

import java.util.UUID;

/** Another load test runs: benches share the suite, so a second one would measure both. */
public class LoadTestRunning extends RuntimeException {

    private final UUID runningId;

    public LoadTestRunning(UUID runningId) {
        super("Load test " + runningId + " is still running", null, false, false);
        this.runningId = runningId;
    }

    /** Null when the run holding the slot is not known (it started on another replica a moment ago). */
    public UUID runningId() {
        return runningId;
    }
}
