package io.callbook.booking.appointment.domain;

import java.util.Locale;

/** Where a booking came from; with {@code externalRef} (call id, calendar uid) it lets syncs avoid duplicates. */
public enum AppointmentSource {
    API, WEB, VOICE, CALENDAR;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AppointmentSource fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
