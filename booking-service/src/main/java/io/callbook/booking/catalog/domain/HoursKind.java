package io.callbook.booking.catalog.domain;

import java.util.Locale;

/** An interval of a working day: time at work, or a break inside it. */
public enum HoursKind {
    WORK, BREAK;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
