package io.callbook.perfops.operation.domain;

import java.util.UUID;

/**
 * @param reportId the run's report
 * @param progress where the step says how far it is (shown by the CLI's progress bar and the dashboard)
 */
public record StepContext(UUID reportId, OptimizeOptions options, Progress progress) {

    /** How far the step is; the run turns it into the whole run's percentage. */
    public interface Progress {

        /** @param fraction 0 to 1 of this step; message says what it does now, e.g. "booking: EXPLAIN 4 of 12" */
        void update(double fraction, String message);
    }
}
