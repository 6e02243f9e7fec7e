package io.callbook.resolver.domain;

/** The company, branch, number or key does not exist, is deleted or belongs to another company. */
public final class RecordNotFound extends DirectoryException {

    /** @param what names the record, e.g. "Branch 0190…" */
    public RecordNotFound(String what) {
        super(what + " not found");
    }
}
