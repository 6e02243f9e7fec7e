package io.callbook.booking.customer.domain;

import java.util.SortedMap;

/**
 * Some items of a customer import are invalid, so nothing was written. Items the API had ruled out already stay with
 * the API; {@code failures} holds what the import found, by item index: a {@link DuplicatePhone},
 * {@link DuplicateEmail} or the {@link io.callbook.common.phone.InvalidPhoneNumberException} of a number that is none.
 */
public class CustomerBatchInvalid extends RuntimeException {

    private final transient SortedMap<Integer, RuntimeException> failures;

    public CustomerBatchInvalid(SortedMap<Integer, RuntimeException> failures) {
        super(failures.size() + " invalid customer item(s)", null, false, false);
        this.failures = failures;
    }

    public SortedMap<Integer, RuntimeException> failures() {
        return failures;
    }
}
