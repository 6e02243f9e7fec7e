package io.callbook.booking.availability.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Free slots per date of {@code zone}, and what keeps them current: the branch's dates they were computed from, the
 * cache stamp of those dates at the time (null when the cache could not tell), and the instant from which "now"
 * changes the answer (the first slot passes its minimum notice, a hold ends, or the answer has simply grown old).
 */
public record Availability(UUID branchId, UUID serviceId, ZoneId zone, List<AvailabilityView.ZonedDay> days,
                           UUID companyId, List<LocalDate> branchDates, String stamp, Instant validUntil) {
}
