package io.callbook.booking.catalog.domain;

import java.util.UUID;

/** The staff member does not exist, or not for this company. */
public class StaffNotFound extends RuntimeException {

    private final UUID staffId;

    public StaffNotFound(UUID staffId) {
        super("Staff member " + staffId + " not found", null, false, false);
        this.staffId = staffId;
    }

    public UUID staffId() {
        return staffId;
    }
}
