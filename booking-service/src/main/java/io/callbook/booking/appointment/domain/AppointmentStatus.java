package io.callbook.booking.appointment.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The lifecycle of an appointment; {@link #canBecome} is the one place the allowed transitions live. */
public enum AppointmentStatus {
    HELD, PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW, EXPIRED;

    /** The statuses that take the staff member's time (the database's exclusion constraint uses the same set). */
    public static final Set<AppointmentStatus> LIVE = EnumSet.of(HELD, PENDING, CONFIRMED);

    public boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case HELD -> next == PENDING || next == CONFIRMED || next == CANCELLED || next == EXPIRED;
            case PENDING -> next == CONFIRMED || next == CANCELLED || next == COMPLETED || next == NO_SHOW;
            case CONFIRMED -> next == COMPLETED || next == CANCELLED || next == NO_SHOW;
            case COMPLETED, CANCELLED, NO_SHOW, EXPIRED -> false;
        };
    }

    public boolean live() {
        return LIVE.contains(this);
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AppointmentStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
