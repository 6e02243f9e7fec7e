package io.callbook.booking.appointment.domain;

/** A concurrent request with the same Idempotency-Key has not finished yet. */
public class IdempotencyKeyInUse extends AppointmentRefused {

    public IdempotencyKeyInUse() {
        super("Idempotency-Key in use by a concurrent request");
    }
}
