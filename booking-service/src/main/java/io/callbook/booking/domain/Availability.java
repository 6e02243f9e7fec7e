package io.callbook.booking.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Free slots per date of {@code zone}. */
public record Availability(UUID branchId, UUID serviceId, ZoneId zone, List<AvailabilityView.ZonedDay> days) {
}
