package io.callbook.booking.appointment.domain;

/** @param replayed true when an Idempotency-Key retry returned the appointment an earlier request created */
public record BookingResult(Appointment appointment, boolean replayed) {
}
