package io.callbook.booking.catalog.domain;

import java.util.UUID;

/** Someone with appointments still ahead cannot leave: they are cancelled or moved first. */
public class StaffHasAppointments extends RuntimeException {

    private final UUID staffId;
    private final long upcoming;

    public StaffHasAppointments(UUID staffId, long upcoming) {
        super("Staff member " + staffId + " has " + upcoming + " upcoming appointment(s)", null, false, false);
        this.staffId = staffId;
        this.upcoming = upcoming;
    }

    public UUID staffId() {
        return staffId;
    }

    public long upcoming() {
        return upcoming;
    }
}
