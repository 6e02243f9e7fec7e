package io.callbook.webhook.integration.domain;

/** A provider request that does not prove it comes from the integration it names; the message says why. */
public class InvalidSignature extends RuntimeException {

    public InvalidSignature(String why) {
        super(why, null, false, false);
    }
}
