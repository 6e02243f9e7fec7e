package io.callbook.perfops.analysis.domain;

import java.util.Locale;

/** How figures read in report tables. */
final class Format {

    private static final int STATEMENT_LENGTH = 160;

    private Format() {
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f" : "%.2f", millis);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.2f", value);
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** One line, shortened: statements can be pages long. */
    /** e.g. "3 d 4 h", "12 min": how long something was watched. */
    static String duration(java.time.Duration duration) {
        if (duration.toDays() > 0) {
            return duration.toDays() + " d " + duration.toHoursPart() + " h";
        }
        if (duration.toHours() > 0) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        return Math.max(0, duration.toMinutes()) + " min";
    }

    static String statement(String query) {
        String line = query.replaceAll("\\s+", " ").strip();
        return line.length() <= STATEMENT_LENGTH ? line : line.substring(0, STATEMENT_LENGTH - 1) + "…";
    }
}
