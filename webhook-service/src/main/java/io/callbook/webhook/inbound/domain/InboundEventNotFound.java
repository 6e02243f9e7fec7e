package io.callbook.webhook.inbound.domain;

import java.util.UUID;

/** No inbound event with this id that the caller may see. */
public class InboundEventNotFound extends RuntimeException {

    public InboundEventNotFound(UUID id) {
        super("Inbound event " + id + " not found", null, false, false);
    }
}
