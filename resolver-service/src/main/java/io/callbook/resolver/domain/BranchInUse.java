package io.callbook.resolver.domain;

import java.util.UUID;

/** A branch that still answers numbers cannot be deleted. */
public final class BranchInUse extends DirectoryException {

    public BranchInUse(UUID branchId, long assignedNumbers) {
        super("Branch " + branchId + " still has " + assignedNumbers
                + " assigned phone number(s); move or release them first");
    }
}
