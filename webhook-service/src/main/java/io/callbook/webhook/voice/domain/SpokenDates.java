package io.callbook.webhook.voice.domain;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days and times as a voice agent passes on what the caller said, in German or English. The agent is asked for ISO
 * dates but passes "morgen", "nächsten Dienstag" or "tomorrow at 10" often enough that refusing them costs calls.
 *
 * <p>Rules, all relative to {@code today} on the branch's clock:
 * <ul>
 *   <li>ISO dates ({@code 2026-12-03}), German numeric dates ({@code 3.12.2026}, {@code 3.12.}) and month names
 *       ({@code 3. Dezember}, {@code December 3}, {@code 3 Dec 2026}); without a year, the next such day from today.</li>
 *   <li>heute/today, morgen/tomorrow, übermorgen/the day after tomorrow, "in 3 Tagen"/"in 3 days".</li>
 *   <li>A weekday alone, with "am"/"on" or with "nächsten"/"kommenden"/"next": the first such day after today (said on
 *       a Tuesday, "Dienstag" is the one a week away). With "diesen"/"this": today counts.</li>
 *   <li>Times after the day: {@code 10}, {@code 10 Uhr}, {@code 10:30}, {@code 10.30 Uhr}, {@code 10 Uhr 30},
 *       {@code halb 10} (9:30), {@code 2 pm}, {@code 2:30pm}; "um", "at" or a comma may stand between.</li>
 * </ul>
 * Anything else is not a date: the function asks again rather than guess.
 */
final class SpokenDates {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("montag", DayOfWeek.MONDAY), Map.entry("dienstag", DayOfWeek.TUESDAY),
            Map.entry("mittwoch", DayOfWeek.WEDNESDAY), Map.entry("donnerstag", DayOfWeek.THURSDAY),
            Map.entry("freitag", DayOfWeek.FRIDAY), Map.entry("samstag", DayOfWeek.SATURDAY),
            Map.entry("sonnabend", DayOfWeek.SATURDAY), Map.entry("sonntag", DayOfWeek.SUNDAY),
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY));
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jaenner", 1), Map.entry("january", 1),
            Map.entry("jan", 1), Map.entry("februar", 2), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("maerz", 3), Map.entry("marz", 3), Map.entry("march", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("juli", 7),
            Map.entry("july", 7), Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("oktober", 10),
            Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oct", 10), Map.entry("november", 11),
            Map.entry("nov", 11), Map.entry("dezember", 12), Map.entry("december", 12), Map.entry("dez", 12),
            Map.entry("dec", 12));

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.?(\\d{2}|\\d{4})?");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})\\.? ([a-z]+)\\.?(?: (\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z]+)\\.? (\\d{1,2})(?:st|nd|rd|th)?,?(?: (\\d{4}))?");
    private static final Pattern IN_DAYS = Pattern.compile("in (\\d{1,3}) (?:tagen|tag|days|day)");
    private static final Set<String> THIS_WEEK = Set.of("diesen", "dieser", "diese", "this");
    private static final Set<String> BEFORE_WEEKDAY = Set.of("am", "on", "the", "naechsten", "naechster", "naechste",
            "kommenden", "kommender", "coming", "next", "diesen", "dieser", "diese", "this");
    private static final Pattern HALF = Pattern.compile("(.*?)(?:,? (?:um|at|gegen))? halb (\\d{1,2})(?: uhr)?");
    private static final Pattern TIME = Pattern.compile(
            "(.*?)(?:,? (?:um|at|gegen))?,? (\\d{1,2})(?:[:.](\\d{2}))?(?: ?(uhr)(?: (\\d{2}))?)? ?(am|pm|a\\.m\\.|p\\.m\\.)?");

    private SpokenDates() {
    }

    static Optional<LocalDate> date(String said, LocalDate today) {
        String text = normal(said);
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException notIso) {
            // spoken, or not a date at all
        }
        return switch (text) {
            case "heute", "today" -> Optional.of(today);
            case "morgen", "tomorrow" -> Optional.of(today.plusDays(1));
            case "uebermorgen", "ubermorgen", "the day after tomorrow", "day after tomorrow" -> Optional.of(today.plusDays(2));
            default -> numeric(text, today).or(() -> named(text, today)).or(() -> inDays(text, today))
                    .or(() -> weekday(text, today));
        };
    }

    static Optional<LocalDateTime> dateTime(String said, LocalDate today) {
        String text = normal(said);
        Matcher half = HALF.matcher(text);
        if (half.matches()) {
            int hour = Integer.parseInt(half.group(2));
            if (hour >= 1 && hour <= 24) {
                return date(half.group(1), today).map(day -> day.atTime((hour - 1) % 24, 30));
            }
        }
        Matcher time = TIME.matcher(text);
        if (!time.matches() || time.group(1).isBlank()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(time.group(2));
        int minute = time.group(3) != null ? Integer.parseInt(time.group(3))
                : time.group(5) != null ? Integer.parseInt(time.group(5)) : 0;
        String meridiem = time.group(6);
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + (meridiem.startsWith("p") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        LocalTime at = LocalTime.of(hour, minute);
        return date(time.group(1), today).map(day -> day.atTime(at));
    }

    private static Optional<LocalDate> numeric(String text, LocalDate today) {
        Matcher m = NUMERIC.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3)) + (m.group(3).length() == 2 ? 2000 : 0);
        return dayOf(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year, today);
    }

    private static Optional<LocalDate> named(String text, LocalDate today) {
        Matcher dayFirst = DAY_MONTH.matcher(text);
        if (dayFirst.matches() && MONTHS.containsKey(dayFirst.group(2))) {
            return dayOf(Integer.parseInt(dayFirst.group(1)), MONTHS.get(dayFirst.group(2)), year(dayFirst.group(3)), today);
        }
        Matcher monthFirst = MONTH_DAY.matcher(text);
        if (monthFirst.matches() && MONTHS.containsKey(monthFirst.group(1))) {
            return dayOf(Integer.parseInt(monthFirst.group(2)), MONTHS.get(monthFirst.group(1)), year(monthFirst.group(3)), today);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> inDays(String text, LocalDate today) {
        Matcher m = IN_DAYS.matcher(text);
        return m.matches() ? Optional.of(today.plusDays(Integer.parseInt(m.group(1)))) : Optional.empty();
    }

    private static Optional<LocalDate> weekday(String text, LocalDate today) {
        List<String> words = List.of(text.split(" "));
        DayOfWeek wanted = WEEKDAYS.get(words.getLast());
        List<String> before = words.subList(0, words.size() - 1);
        if (wanted == null || !BEFORE_WEEKDAY.containsAll(before)) {
            return Optional.empty();
        }
        boolean todayCounts = before.stream().anyMatch(THIS_WEEK::contains);
        int ahead = (wanted.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
        return Optional.of(today.plusDays(ahead == 0 && !todayCounts ? 7 : ahead));
    }

    private static Integer year(String group) {
        return group == null ? null : Integer.parseInt(group);
    }

    /** Without a year: the next such day from today (a 29 February may be years away). */
    private static Optional<LocalDate> dayOf(int day, int month, Integer year, LocalDate today) {
        try {
            if (year != null) {
                return Optional.of(LocalDate.of(year, month, day));
            }
            MonthDay monthDay = MonthDay.of(month, day);
            for (int candidate = today.getYear(); candidate <= today.getYear() + 8; candidate++) {
                if (monthDay.isValidYear(candidate) && !monthDay.atYear(candidate).isBefore(today)) {
                    return Optional.of(monthDay.atYear(candidate));
                }
            }
            return Optional.empty();
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
    }

    /** Lower case, umlauts as ae/oe/ue and other accents dropped, one space between words, no closing punctuation. */
    static String normal(String said) {
        String text = said.strip().toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return text.replaceAll("\\s+", " ").replaceAll("[\\s,!?]+$", "").replaceAll("\\.$", "");
    }
}
