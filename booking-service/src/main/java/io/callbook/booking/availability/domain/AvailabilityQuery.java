package io.callbook.booking.availability.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A request for free slots: the dates {@code from}–{@code to} (inclusive) of {@code zone}, null meaning the branch's
 * zone; {@code staffId} null for every staff member who performs the service.
 */
public record AvailabilityQuery(UUID serviceId, LocalDate from, LocalDate to, UUID staffId, ZoneId zone) {
}
