package io.callbook.booking.appointment.domain;

import java.util.UUID;

/** The lifecycle ({@link AppointmentStatus#canBecome}) does not allow the change. */
public class IllegalTransition extends AppointmentRefused {

    private final UUID id;
    private final AppointmentStatus current;
    private final AppointmentStatus requested;

    public IllegalTransition(UUID id, AppointmentStatus current, AppointmentStatus requested) {
        super("Appointment " + id + " cannot go from " + current + " to " + requested);
        this.id = id;
        this.current = current;
        this.requested = requested;
    }

    public UUID id() {
        return id;
    }

    public AppointmentStatus current() {
        return current;
    }

    public AppointmentStatus requested() {
        return requested;
    }
}
