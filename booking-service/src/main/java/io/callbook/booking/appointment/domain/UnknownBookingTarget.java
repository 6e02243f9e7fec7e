package io.callbook.booking.appointment.domain;

/** A service or staff member a booking names does not exist, or not for this company. */
public class UnknownBookingTarget extends AppointmentRefused {

    private final String what;

    /** @param what e.g. "Service 0190…" */
    public UnknownBookingTarget(String what) {
        super(what + " not found");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
