package io.callbook.booking.appointment.domain;

import io.callbook.booking.catalog.domain.BookableService;
import java.time.Instant;

/**
 * An appointment's time and the longer time it takes from its staff member, the service's buffers included: what
 * the database's exclusion constraint keeps apart.
 */
public record BookedTime(Instant start, Instant end, Instant blockedFrom, Instant blockedUntil) {

    public static BookedTime of(Instant start, BookableService service) {
        Instant end = start.plus(service.duration());
        return new BookedTime(start, end, start.minus(service.bufferBefore()), end.plus(service.bufferAfter()));
    }
}
