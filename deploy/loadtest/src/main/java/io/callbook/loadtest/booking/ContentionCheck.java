package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.ApiClient;

import java.time.DateTimeException;

/**
 * Reads back, after a contention run, what the raced slots hold ({@code GET /v1/appointments}): never two
 * appointments on one slot, and as many as the run was told were booked.
 */
final class ContentionCheck {

    /** @param doubleBooked a raced slot holds more than one appointment */
    record Outcome(String note, boolean doubleBooked) {
    }

    private ContentionCheck() {
    }

    static Outcome check(ApiClient booking, BookingSeed seed, BookingGrid grid, BookingLoadSettings run,
                         ContentionTally.Counts counts) {
        SlotReadBack.Held held;
        try {
            held = SlotReadBack.of(booking, seed.companyId(), grid, run.day0(), run.first(), run.count());
        } catch (IllegalStateException | DateTimeException e) { // the list API is not there, or answers another shape
            return new Outcome("Contention not read back: " + e.getMessage(), false);
        }
        String readBack = held.doubleBooked() > 0
                ? "DOUBLE BOOKING: " + held.doubleBooked() + " raced slot(s) hold more than one appointment"
                : "no slot twice";
        String mismatch = held.appointments() == counts.booked() ? "" : " (the run counted " + counts.booked() + " × 201)";
        return new Outcome("Contention read back through GET /v1/appointments: " + held.appointments() + " appointments on "
                + held.slots() + " raced slots, " + readBack + mismatch + ".", held.doubleBooked() > 0);
    }
}
