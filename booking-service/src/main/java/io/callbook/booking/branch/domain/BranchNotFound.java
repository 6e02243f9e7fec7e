package io.callbook.booking.branch.domain;

import java.util.UUID;

/** The branch is unknown, belongs to another company or was removed. */
public class BranchNotFound extends RuntimeException {

    private final UUID branchId;

    public BranchNotFound(UUID branchId) {
        super("Branch " + branchId + " not found", null, false, false);
        this.branchId = branchId;
    }

    public UUID branchId() {
        return branchId;
    }
}
