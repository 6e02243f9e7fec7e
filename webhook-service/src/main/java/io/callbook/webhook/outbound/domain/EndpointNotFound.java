package io.callbook.webhook.outbound.domain;

import java.util.UUID;

/** No live webhook endpoint of the company has this id. */
public class EndpointNotFound extends RuntimeException {

    public EndpointNotFound(UUID id) {
        super("Webhook endpoint " + id + " not found", null, false, false);
    }
}
