package io.callbook.common.contracts.booking;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment as its events carry it. {@code blockedFrom}/{@code blockedUntil} include the service's buffers:
 * the time the staff member is taken. The {@code previous*} times are set on a reschedule, so consumers can free
 * the old slot too.
 */
@RegisterForReflection
public record AppointmentData(UUID id, UUID companyId, UUID branchId, UUID serviceId, UUID staffId, UUID customerId,
                              Instant startsAt, Instant endsAt, Instant blockedFrom, Instant blockedUntil, String status,
                              String source, String externalRef, Instant previousBlockedFrom,
                              Instant previousBlockedUntil) {
}
