package io.callbook.webhook.outbound.domain;

/** An endpoint subscribed to event types we never send. */
public class UnknownEventTypes extends RuntimeException {

    public UnknownEventTypes(String detail) {
        super(detail, null, false, false);
    }
}
