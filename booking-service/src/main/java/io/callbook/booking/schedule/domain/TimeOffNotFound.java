package io.callbook.booking.schedule.domain;

import java.util.UUID;

/** The time off does not exist, or not for this company. */
public class TimeOffNotFound extends RuntimeException {

    private final UUID timeOffId;

    public TimeOffNotFound(UUID timeOffId) {
        super("Time off " + timeOffId + " not found", null, false, false);
        this.timeOffId = timeOffId;
    }

    public UUID timeOffId() {
        return timeOffId;
    }
}
