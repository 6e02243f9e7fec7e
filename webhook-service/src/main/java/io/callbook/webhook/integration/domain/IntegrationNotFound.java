package io.callbook.webhook.integration.domain;

import java.util.UUID;

/** No integration of the company has this id, or it was removed. */
public class IntegrationNotFound extends RuntimeException {

    public IntegrationNotFound(UUID id) {
        super("Integration " + id + " not found", null, false, false);
    }
}
