package io.callbook.resolver.domain;

import java.util.SortedMap;

/** Items of an all-or-nothing batch whose numbers are assigned already, by item index; nothing was written. */
public final class BatchConflict extends DirectoryException {

    private final transient SortedMap<Integer, NumberAlreadyAssigned> conflicts;

    public BatchConflict(SortedMap<Integer, NumberAlreadyAssigned> conflicts) {
        super(conflicts.size() + " number(s) are assigned already");
        this.conflicts = conflicts;
    }

    /** Not empty. */
    public SortedMap<Integer, NumberAlreadyAssigned> conflicts() {
        return conflicts;
    }
}
