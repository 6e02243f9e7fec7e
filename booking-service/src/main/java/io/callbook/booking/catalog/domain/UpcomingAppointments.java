package io.callbook.booking.catalog.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What the catalog must know of appointments before a staff member leaves. Appointments build on the catalog, so
 * they answer through this rather than the catalog reading them.
 */
public interface UpcomingAppointments {

    /** How many live appointments of the company's staff member end after {@code now}. */
    long countForStaff(UUID companyId, UUID staffId, Instant now);
}
