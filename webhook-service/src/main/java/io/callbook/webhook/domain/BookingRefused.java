package io.callbook.webhook.domain.voice;

/**
 * booking-service understood the request and said no (a 4xx problem): the answer to speak, not an outage, so it
 * neither trips a circuit breaker nor turns into the "can't check right now" fallback.
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
}
