package io.callbook.webhook.integration.domain;

/** booking-service could not be asked whether a calendar binding names what exists, so nothing was stored. */
public class CatalogUnavailable extends RuntimeException {

    public CatalogUnavailable(Throwable cause) {
        super("booking-service could not check the calendar binding; nothing was stored, try again shortly", cause,
                false, false);
    }
}
