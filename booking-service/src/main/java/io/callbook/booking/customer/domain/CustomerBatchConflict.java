package io.callbook.booking.customer.domain;

import java.util.SortedMap;

/**
 * Items of a customer import whose phone or email another customer of the company has, so nothing was written;
 * {@code conflicts} holds a {@link CustomerExists} or an {@link EmailTaken} by item index.
 */
public class CustomerBatchConflict extends RuntimeException {

    private final transient SortedMap<Integer, RuntimeException> conflicts;

    /** @param conflicts not empty */
    public CustomerBatchConflict(SortedMap<Integer, RuntimeException> conflicts) {
        super(conflicts.size() + " customer item(s) exist", null, false, false);
        this.conflicts = conflicts;
    }

    public SortedMap<Integer, RuntimeException> conflicts() {
        return conflicts;
    }
}
