package io.callbook.booking.availability.domain;

/** The service is stopping, so an invalidation waiting for Redis gives up; its event is delivered again after. */
public class InvalidationAbandoned extends RuntimeException {

    public InvalidationAbandoned() {
        super("The service is stopping", null, false, false);
    }
}
