package io.callbook.webhook.integration.domain;

/** A provider body that is not one JSON object. */
public class MalformedBody extends RuntimeException {

    public MalformedBody(String detail) {
        super(detail, null, false, false);
    }
}
