package io.callbook.booking.domain;

import io.callbook.booking.domain.WriteConflict.Slot;

import java.util.List;
import java.util.UUID;

/**
 * A booking that passed every check short of the database constraint: the slot it takes and the staff members
 * who may take it, in the order to try them.
 *
 * @param region the branch's region, for reading national phone numbers
 */
public record BookingPlan(UUID companyId, UUID branchId, UUID serviceId, List<UUID> staffIds, Slot slot, String region,
                          BookingCommand command) {
}
