package io.callbook.booking.catalog.domain;

import java.util.Locale;

/** An interval of a working day: time at work, or a break inside it. */
public enum HoursKind {
    WORK, BREAK;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind stored as {@link #dbValue()}. */
    public static HoursKind ofDbValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
