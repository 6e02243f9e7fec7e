package io.callbook.webhook.voice.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Dates, times and lists the way an agent says them: "Tuesday 1 December at 10:00", "A, B or C". */
final class Spoken {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Spoken() {
    }

    static String day(ZonedDateTime at) {
        return DAY.format(at);
    }

    static String time(ZonedDateTime at) {
        return TIME.format(at);
    }

    static String dayAndTime(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return day(local) + " at " + time(local);
    }

    static String dayAndTime(OffsetDateTime at, ZoneId zone) {
        return dayAndTime(at.toInstant(), zone);
    }

    static String choices(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.getLast();
    }
}
