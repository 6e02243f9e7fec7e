package io.callbook.webhook.voice.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpokenDatesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 11);

    @Test
    void relativeDaysInGermanAndEnglish() {
        assertDate("heute", "2026-02-11");
        assertDate("Today", "2026-02-11");
        assertDate("morgen", "2026-02-12");
        assertDate("tomorrow", "2026-02-12");
        assertDate("übermorgen", "2026-02-13");
        assertDate("Uebermorgen", "2026-02-13");
        assertDate("the day after tomorrow", "2026-02-13");
        assertDate("in 3 Tagen", "2026-02-14");
        assertDate("in 10 days", "2026-02-21");
    }

    @Test
    void aWeekdayIsTheNextOneAfterToday() {
        assertDate("Freitag", "2026-02-13");
        assertDate("am Freitag", "2026-02-13");
        assertDate("nächsten Dienstag", "2026-02-17");
        assertDate("am nächsten Dienstag", "2026-02-17");
        assertDate("next Tuesday", "2026-02-17");
        assertDate("kommenden Montag", "2026-02-16");
        // Said on a Wednesday, "Mittwoch" is the one a week away; "diesen Mittwoch" is today.
        assertDate("Mittwoch", "2026-02-18");
        assertDate("nächsten Mittwoch", "2026-02-18");
        assertDate("diesen Mittwoch", "2026-02-11");
        assertDate("this Saturday", "2026-02-14");
        assertDate("Sonnabend", "2026-02-14");
    }

    @Test
    void writtenDatesWithAndWithoutYear() {
        assertDate("2026-03-04", "2026-03-04");
        assertDate("4.3.2026", "2026-03-04");
        assertDate("04.03.26", "2026-03-04");
        assertDate("4.3.", "2026-03-04");
        assertDate("4. März", "2026-03-04");
        assertDate("4. Maerz 2027", "2027-03-04");
        assertDate("March 4", "2026-03-04");
        assertDate("March 4th, 2027", "2027-03-04");
        assertDate("4 Dec", "2026-12-04");
        // Without a year, a day already past is next year's.
        assertDate("10. Januar", "2027-01-10");
        assertDate("29. Februar", "2028-02-29");
    }

    @Test
    void whatIsNotADayIsNone() {
        for (String said : new String[]{"", "bald", "irgendwann nächste Woche", "31.2.", "32. März", "Dienstag oder Mittwoch",
                "in -3 Tagen", "morgen früh vielleicht"}) {
            assertEquals(Optional.empty(), SpokenDates.date(said, TODAY), said);
        }
    }

    @Test
    void dayAndTimeAsAgentsPassThemOn() {
        assertDateTime("morgen um 10 Uhr", "2026-02-12T10:00");
        assertDateTime("morgen 10", "2026-02-12T10:00");
        assertDateTime("Freitag, 14:30", "2026-02-13T14:30");
        assertDateTime("Freitag um 14.30 Uhr", "2026-02-13T14:30");
        assertDateTime("Freitag um 14 Uhr 30", "2026-02-13T14:30");
        assertDateTime("nächsten Dienstag um halb 10", "2026-02-17T09:30");
        assertDateTime("tomorrow at 2 pm", "2026-02-12T14:00");
        assertDateTime("tomorrow at 2:30pm", "2026-02-12T14:30");
        assertDateTime("tomorrow at 12 am", "2026-02-12T00:00");
        assertDateTime("4. März um 9 Uhr", "2026-03-04T09:00");
        assertDateTime("2026-03-04 09:15", "2026-03-04T09:15");
        for (String said : new String[]{"10 Uhr", "morgen", "morgen um 25 Uhr", "morgen um 10:61", "tomorrow at 13 pm"}) {
            assertEquals(Optional.empty(), SpokenDates.dateTime(said, TODAY), said);
        }
    }

    /** "Today" is the branch's: at 23:30 UTC it is already tomorrow in Berlin, and "morgen" a day later still. */
    @Test
    void todayIsOnTheBranchsClockAroundMidnight() {
        Instant lateEvening = Instant.parse("2026-02-11T23:30:00Z");
        LocalDate berlinToday = LocalDate.ofInstant(lateEvening, BERLIN);
        assertEquals(LocalDate.of(2026, 2, 12), berlinToday);
        assertEquals(Optional.of(LocalDate.of(2026, 2, 13)), SpokenDates.date("morgen", berlinToday));
        // In New York it is still the evening before.
        assertEquals(Optional.of(LocalDate.of(2026, 2, 12)),
                SpokenDates.date("morgen", LocalDate.ofInstant(lateEvening, ZoneId.of("America/New_York"))));
    }

    /** A time the clocks skip (2:30 on the last Sunday of March in Berlin) is booked at 3:30, summer time. */
    @Test
    void aSpokenTimeInTheDstGapMovesForward() {
        LocalDate saturday = LocalDate.of(2026, 3, 28);
        LocalDateTime said = SpokenDates.dateTime("morgen um halb 3", saturday).orElseThrow();
        assertEquals(OffsetDateTime.parse("2026-03-29T03:30+02:00"), said.atZone(BERLIN).toOffsetDateTime());
        LocalDateTime autumn = SpokenDates.dateTime("Sonntag um 2:30", LocalDate.of(2026, 10, 24)).orElseThrow();
        // The hour that happens twice in October is the first one, still summer time.
        assertEquals(OffsetDateTime.parse("2026-10-25T02:30+02:00"), autumn.atZone(BERLIN).toOffsetDateTime());
    }

    private static void assertDate(String said, String expected) {
        assertEquals(Optional.of(LocalDate.parse(expected)), SpokenDates.date(said, TODAY), said);
    }

    private static void assertDateTime(String said, String expected) {
        assertEquals(Optional.of(LocalDateTime.parse(expected)), SpokenDates.dateTime(said, TODAY), said);
    }
}
