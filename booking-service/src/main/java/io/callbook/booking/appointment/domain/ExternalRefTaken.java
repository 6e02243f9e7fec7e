package io.callbook.booking.appointment.domain;

import java.util.UUID;

/** The calendar booking uid is already another appointment. */
public class ExternalRefTaken extends AppointmentRefused {

    private final String externalRef;
    private final UUID existing;

    /** @param existing the appointment that has it, or null when it could not be read */
    public ExternalRefTaken(String externalRef, UUID existing) {
        super("External reference " + externalRef + " is appointment " + existing);
        this.externalRef = externalRef;
        this.existing = existing;
    }

    public String externalRef() {
        return externalRef;
    }

    public UUID existing() {
        return existing;
    }
}
