package io.callbook.webhook.inbound.domain;

/**
 * The event has to wait for an earlier one of the same thing (e.g. a calendar booking's move for its creation, still
 * waiting for a retry): it is retried without counting an attempt, within the retry budget, since the wait is none of
 * its own fault.
 */
public class EarlierEventPending extends RuntimeException {

    public EarlierEventPending(String message) {
        super(message);
    }
}
