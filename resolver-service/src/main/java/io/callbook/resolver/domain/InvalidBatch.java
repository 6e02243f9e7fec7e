package io.callbook.resolver.domain;

import java.util.SortedMap;

/**
 * Some items of an all-or-nothing batch are invalid, so nothing was written. Items the API had ruled out already stay
 * with the API; {@code failures} holds what the domain found, by item index: a {@link DirectoryException} or the
 * {@link io.callbook.common.phone.InvalidPhoneNumberException} of a number that is none.
 */
public final class InvalidBatch extends DirectoryException {

    private final transient SortedMap<Integer, RuntimeException> failures;

    public InvalidBatch(SortedMap<Integer, RuntimeException> failures) {
        super(failures.size() + " item(s) are invalid");
        this.failures = failures;
    }

    public SortedMap<Integer, RuntimeException> failures() {
        return failures;
    }
}
