package io.callbook.booking.customer.domain;

/** webhook-service's call log did not answer; an export without it would be incomplete. */
public class CallHistoryUnavailable extends RuntimeException {

    public CallHistoryUnavailable(Throwable cause) {
        super("The call log cannot be read right now", cause, false, false);
    }
}
