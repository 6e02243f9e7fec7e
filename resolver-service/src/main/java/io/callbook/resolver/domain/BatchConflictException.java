package io.callbook.resolver.domain;

import java.util.SortedMap;

/** Items of an all-or-nothing batch whose numbers are assigned already, by item index; nothing was written. */
public final class BatchConflictException extends DirectoryException {

    private final transient SortedMap<Integer, NumberAlreadyAssignedException> conflicts;

    public BatchConflictException(SortedMap<Integer, NumberAlreadyAssignedException> conflicts) {
        super(conflicts.size() + " number(s) are assigned already");
        this.conflicts = conflicts;
    }

    /** Not empty. */
    public SortedMap<Integer, NumberAlreadyAssignedException> conflicts() {
        return conflicts;
    }
}
