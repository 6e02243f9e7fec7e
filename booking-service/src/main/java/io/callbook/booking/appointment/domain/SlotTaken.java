package io.callbook.booking.appointment.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The staff member's time is taken: the conflicting appointment's times when they could be read, else the requested
 * ones. The staff member is null when no one who performs the service was free.
 */
public class SlotTaken extends AppointmentRefused {

    private final UUID staffId;
    private final BookedTime time;

    public SlotTaken(UUID staffId, BookedTime time) {
        super("Slot taken for staff " + staffId + " at " + time);
        this.staffId = staffId;
        this.time = time;
    }

    public UUID staffId() {
        return staffId;
    }

    public BookedTime time() {
        return time;
    }
}
