package io.callbook.booking.domain;

/** An interval of a working day: time at work, or a break inside it. */
public enum HoursKind {
    WORK, BREAK;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
