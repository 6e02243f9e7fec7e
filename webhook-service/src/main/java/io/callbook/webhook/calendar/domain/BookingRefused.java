package io.callbook.webhook.calendar.domain;

/**
 * booking-service understood the request and said no (a 4xx problem): for a voice function the answer to speak, for a
 * calendar event a reason to stop retrying; not an outage, so it neither trips a circuit breaker nor turns into the
 * "can't check right now" fallback.
 */
public class BookingRefused extends RuntimeException {

    private final int status;
    private final String type;

    public BookingRefused(int status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type, e.g. {@code slot-taken}; empty when the answer carried none. */
    public String type() {
        return type == null ? "" : type;
    }

    public boolean slotTaken() {
        return status == 409 && type().endsWith("slot-taken");
    }

    public boolean notFound() {
        return status == 404;
    }

    /** The calendar booking is already an appointment (booked by an earlier delivery of the same event). */
    public boolean externalRefTaken() {
        return status == 409 && type().endsWith("external-ref-taken");
    }

    /** A concurrent request with the same Idempotency-Key is still running: asking again shortly will succeed. */
    public boolean inFlight() {
        return status == 409 && type().endsWith("/conflict");
    }
}
