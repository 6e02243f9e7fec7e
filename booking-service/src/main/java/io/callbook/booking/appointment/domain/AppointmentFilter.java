package io.callbook.booking.appointment.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which appointments of one company to list; null means "any". {@code from} is inclusive and {@code to} exclusive
 * on the start time. {@code afterStart}/{@code afterId} are the keyset cursor: the last row of the previous page.
 */
public record AppointmentFilter(UUID companyId, UUID branchId, UUID staffId, UUID customerId,
                                Set<AppointmentStatus> statuses, Instant from, Instant to, String externalRef,
                                AppointmentSource source, Instant afterStart, UUID afterId, int limit) {
}
