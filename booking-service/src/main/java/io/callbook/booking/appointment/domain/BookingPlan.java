package io.callbook.booking.appointment.domain;

import java.util.List;
import java.util.UUID;

/**
 * A booking that passed every check short of the database constraint: the time it takes and the staff members who
 * may take it, in the order to try them.
 *
 * @param customerPhone the customer's number in E.164 (read once, in the branch's region), or null without a customer
 */
public record BookingPlan(UUID companyId, UUID branchId, UUID serviceId, List<UUID> staffIds, BookedTime time,
                          String customerPhone) {
}
