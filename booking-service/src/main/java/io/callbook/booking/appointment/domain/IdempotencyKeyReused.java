package io.callbook.booking.appointment.domain;

/** The Idempotency-Key was used before for a different booking. */
public class IdempotencyKeyReused extends AppointmentRefused {

    private final String key;

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key " + key + " reused");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
