package io.callbook.booking.appointment.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the appointment API reads the values clients send as text, with messages that say what was wrong. */
public final class RequestValues {

    static final int MAX_EXTERNAL_REF = 200;

    private RequestValues() {
    }

    /**
     * Reads an ISO-8601 date-time that carries its offset: a bare local time would be ambiguous across zones. Years
     * outside 1–9999 are refused: near the ends of Java's range an instant has no local time in some zones, and the
     * checks that place it in a branch's day would fail as if on our side.
     */
    public static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value.strip());
        } catch (DateTimeException e) {
            throw invalid(field + " must be an ISO-8601 date-time with offset, e.g. 2026-05-04T10:00:00+02:00 (got '"
                    + abbreviate(value) + "')");
        }
        if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
            throw invalid(field + " must lie in the years 1 to 9999 (got '" + abbreviate(value) + "')");
        }
        return parsed.toInstant();
    }

    /** @return the reference stripped, or null for none */
    public static String externalRef(String value) {
        maxLength(value, MAX_EXTERNAL_REF, "externalRef");
        return blankToNull(value);
    }

    public static AppointmentSource source(String value) {
        if (value == null || value.isBlank()) {
            return AppointmentSource.API;
        }
        try {
            return AppointmentSource.fromDb(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("source must be one of " + Arrays.stream(AppointmentSource.values())
                    .map(AppointmentSource::dbValue).collect(Collectors.joining(", ")) + " (got '" + abbreviate(value) + "')");
        }
    }

    static InvalidBookingValue invalid(String detail) {
        return new InvalidBookingValue(detail);
    }

    static void maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw invalid(field + " must be at most " + max + " characters");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
