package io.callbook.booking.branch.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (CDI event) when a write changes which times of a branch are free: an appointment booked, moved,
 * cancelled or a hold expired, working hours or time off changed. Observers drop the cached availability of the
 * days it touches once the transaction has committed.
 */
public record SlotsChanged(UUID companyId, UUID branchId, Instant from, Instant until) {

    /** The whole branch, e.g. after its hours changed. */
    public static SlotsChanged wholeBranch(UUID companyId, UUID branchId) {
        return new SlotsChanged(companyId, branchId, null, null);
    }

    public boolean wholeBranch() {
        return from == null || until == null;
    }
}
