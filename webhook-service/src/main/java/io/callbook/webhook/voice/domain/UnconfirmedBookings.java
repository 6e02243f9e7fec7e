package io.callbook.webhook.voice.domain;

/**
 * The voice bookings whose outcome a caller was not told: sent to booking-service, and then the answer ran out of
 * time. Shared by every replica, because the agent's next attempt may reach another one. With the circuit open
 * nothing is sent, and only this tells whether an earlier attempt of the same booking may still have been made.
 */
public interface UnconfirmedBookings {

    /** Best effort: a booking with this Idempotency-Key may have been made. */
    void remember(String idempotencyKey);

    /** @return false only when no attempt of this booking is known to have gone unanswered; true when in doubt */
    boolean mayExist(String idempotencyKey);
}
