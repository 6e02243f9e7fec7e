package io.callbook.webhook.outbound.domain;

import java.util.UUID;

/** No delivery of the company has this id. */
public class DeliveryNotFound extends RuntimeException {

    public DeliveryNotFound(UUID id) {
        super("Delivery " + id + " not found", null, false, false);
    }
}
