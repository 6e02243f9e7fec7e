package io.callbook.booking.appointment.domain;

import java.util.UUID;

/** The appointment does not exist, or not for this company. */
public class AppointmentNotFound extends AppointmentRefused {

    private final UUID id;

    public AppointmentNotFound(UUID id) {
        super("Appointment " + id + " not found");
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
