package io.callbook.booking.appointment.domain;

/** A value of a booking request is missing or malformed. */
public class InvalidBookingValue extends AppointmentRefused {

    /** @param detail names the field and what is wrong with it */
    public InvalidBookingValue(String detail) {
        super(detail);
    }

    public String detail() {
        return getMessage();
    }
}
