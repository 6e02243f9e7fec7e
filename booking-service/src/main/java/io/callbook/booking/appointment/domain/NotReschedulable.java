package io.callbook.booking.appointment.domain;

import java.util.UUID;

/** Only live appointments (held, pending, confirmed) can be moved. */
public class NotReschedulable extends AppointmentRefused {

    private final UUID id;
    private final AppointmentStatus current;

    public NotReschedulable(UUID id, AppointmentStatus current) {
        super("Appointment " + id + " is " + current + " and cannot be moved");
        this.id = id;
        this.current = current;
    }

    public UUID id() {
        return id;
    }

    public AppointmentStatus current() {
        return current;
    }
}
