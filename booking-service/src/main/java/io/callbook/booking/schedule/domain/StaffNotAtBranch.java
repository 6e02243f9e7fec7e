package io.callbook.booking.schedule.domain;

import java.util.UUID;

/** The staff member is not one of the branch's (or of the company's). */
public class StaffNotAtBranch extends RuntimeException {

    private final UUID staffId;

    public StaffNotAtBranch(UUID staffId) {
        super("Staff " + staffId + " not at the branch", null, false, false);
        this.staffId = staffId;
    }

    public UUID staffId() {
        return staffId;
    }
}
