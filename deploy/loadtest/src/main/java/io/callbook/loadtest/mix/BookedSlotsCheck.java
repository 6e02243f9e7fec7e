package io.callbook.loadtest.mix;

import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.SlotReadBack;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.webhooks.VoiceCalls;

import java.time.DateTimeException;

/**
 * Reads back, after a mix run, what its block of slots holds ({@code GET /v1/appointments}): never two appointments on
 * one slot, and as many as the calls were told were booked.
 */
public final class BookedSlotsCheck {

    /**
     * @param held         live appointments on the run's slots
     * @param doubleBooked a slot holds more than one appointment
     */
    public record Outcome(String note, long held, boolean doubleBooked) {
    }

    private BookedSlotsCheck() {
    }

    /** @param booked the bookings whose real answer the calls got */
    public static Outcome check(ApiClient booking, String companyId, BookingGrid grid, VoiceCalls calls, long booked) {
        SlotReadBack.Held held;
        try {
            held = SlotReadBack.of(booking, companyId, grid, calls.slotDay0(), calls.firstSlot(), calls.slotCount());
        } catch (IllegalStateException | DateTimeException e) { // the list API is not there, or answers another shape
            return new Outcome("Bookings not read back: " + e.getMessage(), 0, false);
        }
        String readBack = held.doubleBooked() > 0
                ? "DOUBLE BOOKING: " + held.doubleBooked() + " slot(s) hold more than one appointment"
                : "no slot twice";
        // a booking made after the voice function's budget is confirmed when the call asks again; one whose every
        // attempt ran out of time (MixSimulation.MAX_BOOK_RETRIES) is held, but no caller was told of it
        String mismatch = held.appointments() == booked ? ""
                : " (the calls were told of " + booked + "; the others were made after every attempt's answer ran out of time)";
        return new Outcome("Bookings read back through GET /v1/appointments: " + held.appointments()
                + " appointments on " + held.slots() + " of the run's slots, " + readBack + mismatch + ".",
                held.appointments(), held.doubleBooked() > 0);
    }
}
