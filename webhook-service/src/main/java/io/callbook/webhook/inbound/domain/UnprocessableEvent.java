package io.callbook.webhook.inbound.domain;

/**
 * An inbound event that can never succeed as it is (a booking-service refusal, a body without what it needs): it is
 * dead-lettered at once with this message as its last error, instead of being retried, and can be replayed once the
 * cause is fixed.
 */
public class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String message) {
        super(message);
    }

    public UnprocessableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
