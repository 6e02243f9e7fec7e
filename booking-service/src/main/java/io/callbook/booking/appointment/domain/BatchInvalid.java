package io.callbook.booking.appointment.domain;

import java.util.SortedMap;

/** Items of a batch that cannot be booked, by index; nothing was written. */
public class BatchInvalid extends AppointmentRefused {

    private final transient SortedMap<Integer, RuntimeException> failures;

    /**
     * @param failures each an {@link AppointmentRefused}, a branch or customer not found, or the
     *                 {@link io.callbook.common.phone.InvalidPhoneNumberException} of a number that is none
     */
    public BatchInvalid(SortedMap<Integer, RuntimeException> failures) {
        super(failures.size() + " invalid batch item(s)");
        this.failures = failures;
    }

    public SortedMap<Integer, RuntimeException> failures() {
        return failures;
    }
}
