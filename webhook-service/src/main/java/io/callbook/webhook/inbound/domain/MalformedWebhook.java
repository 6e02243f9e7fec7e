package io.callbook.webhook.inbound.domain;

/** A webhook without what its event type needs to be recognised again (its event or identity). */
public class MalformedWebhook extends RuntimeException {

    public MalformedWebhook(String detail) {
        super(detail, null, false, false);
    }
}
