package io.callbook.booking.catalog.domain;

import java.util.SortedMap;

/**
 * Some items of a staff import are invalid, so nothing was written. Items the API had ruled out already stay with the
 * API; {@code failures} holds what the directory found, by item index: a
 * {@link io.callbook.booking.branch.domain.BranchNotFound}, {@link UnknownServices} or {@link InvalidHours}.
 */
public class StaffBatchInvalid extends RuntimeException {

    private final transient SortedMap<Integer, RuntimeException> failures;

    public StaffBatchInvalid(SortedMap<Integer, RuntimeException> failures) {
        super(failures.size() + " invalid staff item(s)", null, false, false);
        this.failures = failures;
    }

    public SortedMap<Integer, RuntimeException> failures() {
        return failures;
    }
}
