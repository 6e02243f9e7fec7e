package io.callbook.webhook.outbound.domain;

/** An endpoint URL we will not call (not http(s), or inside our own network); the message says why. */
public class EndpointNotAllowed extends RuntimeException {

    public EndpointNotAllowed(String detail) {
        super(detail, null, false, false);
    }
}
