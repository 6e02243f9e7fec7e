package io.callbook.booking.schedule.domain;

import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.schedule.domain.SlotCalculator.Absence;
import io.callbook.booking.schedule.domain.SlotCalculator.Booking;
import io.callbook.booking.schedule.domain.SlotCalculator.DateRule;
import io.callbook.booking.schedule.domain.SlotCalculator.Day;
import io.callbook.booking.schedule.domain.SlotCalculator.Schedule;
import io.callbook.booking.schedule.domain.SlotCalculator.ServiceRules;
import io.callbook.booking.schedule.domain.SlotCalculator.WeeklyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The availability rules as a table, without Quarkus or a database. */
class SlotCalculatorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final UUID A = new UUID(0, 1);
    static final UUID B = new UUID(0, 2);
    static final UUID C = new UUID(0, 3);
    static final Map<UUID, String> LABELS = Map.of(A, "A", B, "B", C, "C");
    /** A Tuesday in winter (UTC+1). */
    static final LocalDate TUESDAY = LocalDate.parse("2026-12-01");
    static final Instant LONG_BEFORE = Instant.parse("2026-11-01T00:00:00Z");
    static final ServiceRules HALF_HOUR = rules(30, 30, 0, 0);

    record Scenario(String name, ServiceRules service, LocalDate date, Consumer<Data> setup, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("break splits the day", HALF_HOUR, TUESDAY, d -> d.nineToFive(A),
                        grid("09:00", "11:30", 30, "A") + " " + grid("13:00", "16:30", 30, "A")),
                new Scenario("no hours on the weekday, no slots", HALF_HOUR, TUESDAY.plusDays(1), d -> d.nineToFive(A), ""),
                new Scenario("grid counts from the start of each working interval", rules(30, 20, 0, 0), TUESDAY,
                        d -> d.work(A, "09:10", "10:30").work(A, "10:45", "11:45"),
                        "09:10/A 09:30/A 09:50/A 10:45/A 11:05/A"),
                new Scenario("buffers must fit inside working hours", rules(30, 30, 15, 15), TUESDAY, d -> d.nineToFive(A),
                        grid("09:30", "11:00", 30, "A") + " " + grid("13:30", "16:00", 30, "A")),
                new Scenario("buffers keep clear of another appointment's blocked time", rules(30, 30, 15, 15), TUESDAY,
                        d -> d.nineToFive(A).booking(A, "10:00", "10:45", AppointmentStatus.CONFIRMED, null),
                        "11:00/A " + grid("13:30", "16:00", 30, "A")),
                new Scenario("staff time off", HALF_HOUR, TUESDAY,
                        d -> d.nineToFive(A).work(B, "13:00", "15:00").timeOff(A, "14:00", "15:30"),
                        grid("09:00", "11:30", 30, "A") + " 13:00/AB 13:30/AB 14:00/B 14:30/B 15:30/A 16:00/A 16:30/A"),
                new Scenario("branch-wide time off blocks everyone", HALF_HOUR, TUESDAY,
                        d -> d.work(A, "09:00", "11:00").work(B, "09:00", "11:00").timeOff(null, "09:30", "10:30"),
                        "09:00/AB 10:30/AB"),
                new Scenario("an override replaces the weekly hours of its date", HALF_HOUR, TUESDAY,
                        d -> d.nineToFive(A).override(A, TUESDAY, HoursKind.WORK, "10:00", "12:00")
                                .override(A, TUESDAY, HoursKind.BREAK, "10:30", "11:00")
                                .override(A, TUESDAY.plusDays(1), HoursKind.WORK, "06:00", "07:00"),
                        "10:00/A 11:00/A 11:30/A"),
                new Scenario("an override only replaces the staff member's own hours", HALF_HOUR, TUESDAY,
                        d -> d.work(A, "09:00", "10:00").work(B, "09:00", "10:00")
                                .override(B, TUESDAY, HoursKind.WORK, "15:00", "15:30"),
                        "09:00/A 09:30/A 15:00/B"),
                new Scenario("staff without the skill are not in the schedule", HALF_HOUR, TUESDAY,
                        d -> d.work(A, "09:00", "10:00").unskilledWithHours(C, "09:00", "10:00"),
                        "09:00/A 09:30/A"),
                new Scenario("fully booked day", HALF_HOUR, TUESDAY,
                        d -> d.nineToFive(A).booking(A, "09:00", "12:00", AppointmentStatus.PENDING, null)
                                .booking(A, "13:00", "17:00", AppointmentStatus.CONFIRMED, null), ""),
                new Scenario("ended appointments free their time", HALF_HOUR, TUESDAY,
                        d -> d.work(A, "09:00", "10:00").booking(A, "09:00", "10:00", AppointmentStatus.CANCELLED, null)
                                .booking(A, "09:00", "10:00", AppointmentStatus.EXPIRED, null),
                        "09:00/A 09:30/A"),
                new Scenario("multi-staff: a slot lists every staff member who can take it", HALF_HOUR, TUESDAY,
                        d -> d.work(A, "09:00", "11:00").work(B, "10:00", "12:00"),
                        "09:00/A 09:30/A 10:00/AB 10:30/AB 11:00/B 11:30/B"),
                new Scenario("a slot's staff are sorted whatever order they were loaded in", HALF_HOUR, TUESDAY,
                        d -> d.work(C, "09:00", "10:00").work(A, "09:00", "10:00").work(B, "09:30", "10:00"),
                        "09:00/AC 09:30/ABC"),
                new Scenario("held appointment blocks, an expired hold does not", HALF_HOUR, TUESDAY,
                        d -> d.work(A, "09:00", "11:00")
                                .booking(A, "09:00", "09:30", AppointmentStatus.HELD, LONG_BEFORE.plusSeconds(60))
                                .booking(A, "10:00", "10:30", AppointmentStatus.HELD, LONG_BEFORE.minusSeconds(1)),
                        "09:30/A 10:00/A 10:30/A"),
                new Scenario("DST spring: 01:30-03:30 is one real hour, 02:00 and 02:30 do not exist", HALF_HOUR,
                        LocalDate.parse("2026-03-29"), d -> d.work(A, DayOfWeek.SUNDAY, "01:30", "03:30"),
                        "01:30+01:00/A 03:00+02:00/A"),
                new Scenario("DST autumn: 01:00-04:00 is four real hours, 02:00 and 02:30 happen twice", HALF_HOUR,
                        LocalDate.parse("2026-10-25"), d -> d.work(A, DayOfWeek.SUNDAY, "01:00", "04:00"),
                        "01:00+02:00/A 01:30+02:00/A 02:00+02:00/A 02:30+02:00/A 02:00+01:00/A 02:30+01:00/A "
                                + "03:00+01:00/A 03:30+01:00/A"),
                new Scenario("DST autumn: an hour-long service across the repeated hour", rules(60, 60, 0, 0),
                        LocalDate.parse("2026-10-25"), d -> d.work(A, DayOfWeek.SUNDAY, "01:00", "04:00"),
                        "01:00+02:00/A 02:00+02:00/A 02:00+01:00/A 03:00+01:00/A"),
                new Scenario("DST autumn: a booking in the first 02:30 leaves the second free", HALF_HOUR,
                        LocalDate.parse("2026-10-25"), d -> d.work(A, DayOfWeek.SUNDAY, "02:00", "03:00")
                                .bookingAt(A, Instant.parse("2026-10-25T00:30:00Z"), Duration.ofMinutes(30)),
                        "02:00+02:00/A 02:00+01:00/A 02:30+01:00/A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario) {
        Data data = new Data(scenario.date());
        scenario.setup().accept(data);
        List<Day> days = SlotCalculator.calculate(data.schedule(), scenario.service(), scenario.date(), scenario.date(),
                LONG_BEFORE);
        assertEquals(1, days.size());
        assertEquals(scenario.expected(), format(days.get(0), isDstDate(scenario.date())));
    }

    @Test
    void dstSpringShiftIsOneRealHour() {
        List<SlotCalculator.Range> real = SlotCalculator.toInstants(LocalDate.parse("2026-03-29"), LocalTime.parse("01:30"),
                LocalTime.parse("03:30"), BERLIN.getRules());
        assertEquals(List.of(new SlotCalculator.Range(Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T01:30:00Z"))), real);
    }

    @Test
    void dstAutumnShiftIsFourRealHoursAndTheRepeatedHourAlonePartlyHappensTwice() {
        LocalDate night = LocalDate.parse("2026-10-25");
        assertEquals(List.of(new SlotCalculator.Range(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-25T03:00:00Z"))),
                SlotCalculator.toInstants(night, LocalTime.parse("01:00"), LocalTime.parse("04:00"), BERLIN.getRules()));
        assertEquals(List.of(
                        new SlotCalculator.Range(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T00:30:00Z")),
                        new SlotCalculator.Range(Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T01:30:00Z"))),
                SlotCalculator.toInstants(night, LocalTime.parse("02:00"), LocalTime.parse("02:30"), BERLIN.getRules()));
    }

    /**
     * Every date of a year, in zones whose clocks change by an hour at night, by half an hour, and at midnight: each
     * grid time is a slot at each of its real instants, as the zone's rules give them for that wall-clock time.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("zonesWithTheirClockChanges")
    void everyDateOfAYearHasItsGridTimesAtTheirRealInstants(ZoneId zone) {
        List<WeeklyRule> allWeek = Stream.of(DayOfWeek.values())
                .map(day -> new WeeklyRule(A, day, HoursKind.WORK, LocalTime.MIDNIGHT, LocalTime.parse("23:59")))
                .toList();
        Schedule schedule = new Schedule(zone, List.of(A), allWeek, List.of(), List.of(), List.of());
        List<Day> days = SlotCalculator.calculate(schedule, HALF_HOUR, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), LONG_BEFORE);
        assertEquals(365, days.size());
        for (Day day : days) {
            List<Instant> expected = new ArrayList<>();
            for (LocalTime time = LocalTime.MIDNIGHT; !time.isAfter(LocalTime.parse("23:00")); time = time.plusMinutes(30)) {
                LocalDateTime wallClock = day.date().atTime(time);
                zone.getRules().getValidOffsets(wallClock).forEach(offset -> expected.add(wallClock.toInstant(offset)));
            }
            expected.sort(null);
            assertEquals(expected, day.slots().stream().map(SlotCalculator.Slot::start).toList(), day.date().toString());
        }
    }

    static Stream<ZoneId> zonesWithTheirClockChanges() {
        return Stream.of(BERLIN, ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"), ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void aLiveHoldLimitsHowLongTheDayMayBeCached() {
        Instant expires = LONG_BEFORE.plusSeconds(300);
        Data data = new Data(TUESDAY).nineToFive(A).booking(A, "09:00", "09:30", AppointmentStatus.HELD, expires);
        Day day = SlotCalculator.calculate(data.schedule(), HALF_HOUR, TUESDAY, TUESDAY.plusDays(1), LONG_BEFORE).get(0);
        assertEquals(expires, day.validUntil());
        Day free = SlotCalculator.calculate(new Data(TUESDAY).nineToFive(A).schedule(), HALF_HOUR, TUESDAY, TUESDAY, LONG_BEFORE).get(0);
        assertNull(free.validUntil());
    }

    @Test
    void severalDatesComeOutInOrder() {
        Data data = new Data(TUESDAY).nineToFive(A);
        List<Day> days = SlotCalculator.calculate(data.schedule(), HALF_HOUR, TUESDAY.minusDays(1), TUESDAY.plusDays(1), LONG_BEFORE);
        assertEquals(List.of(TUESDAY.minusDays(1), TUESDAY, TUESDAY.plusDays(1)), days.stream().map(Day::date).toList());
        assertEquals(List.of(14, 14, 0), days.stream().map(day -> day.slots().size()).toList());
    }

    static ServiceRules rules(int duration, int interval, int before, int after) {
        return new ServiceRules(Duration.ofMinutes(duration), Duration.ofMinutes(interval), Duration.ofMinutes(before),
                Duration.ofMinutes(after));
    }

    /** "09:00/A 09:30/A ..." from first to last start, every {@code step} minutes. */
    static String grid(String first, String last, int step, String staff) {
        List<String> slots = new ArrayList<>();
        for (LocalTime t = LocalTime.parse(first); !t.isAfter(LocalTime.parse(last)); t = t.plusMinutes(step)) {
            slots.add(t + "/" + staff);
        }
        return String.join(" ", slots);
    }

    static boolean isDstDate(LocalDate date) {
        return BERLIN.getRules().getTransition(date.atTime(2, 30)) != null;
    }

    @Test
    void theBranchIsOpenWhileAnyoneWorksAndIsNotAway() {
        Data data = new Data(TUESDAY).nineToFive(A).work(B, "12:00", "19:00").timeOff(B, "16:30", "18:00");
        assertEquals("09:00+01:00-17:00+01:00 18:00+01:00-19:00+01:00", open(data.schedule(), TUESDAY));
        data.timeOff(null, "08:00", "10:00");
        assertEquals("10:00+01:00-17:00+01:00 18:00+01:00-19:00+01:00", open(data.schedule(), TUESDAY));
        assertEquals("", open(data.schedule(), TUESDAY.plusDays(1)));
        // The night the clocks go back, 01:00–04:00 on the wall clock is four real hours.
        LocalDate autumn = LocalDate.parse("2026-10-25");
        Schedule night = new Data(autumn).work(A, "01:00", "04:00").schedule();
        SlotCalculator.Range open = SlotCalculator.workingTime(night, autumn).getFirst();
        assertEquals(Duration.ofHours(4), Duration.between(open.from(), open.until()));
    }

    static String open(Schedule schedule, LocalDate date) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mmxxx");
        return SlotCalculator.workingTime(schedule, date).stream()
                .map(range -> range.from().atZone(BERLIN).format(format) + "-" + range.until().atZone(BERLIN).format(format))
                .collect(Collectors.joining(" "));
    }

    static String format(Day day, boolean withOffset) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(withOffset ? "HH:mmxxx" : "HH:mm");
        return day.slots().stream()
                .map(slot -> slot.start().atZone(BERLIN).format(format) + "/"
                        + slot.staffIds().stream().map(LABELS::get).collect(Collectors.joining()))
                .collect(Collectors.joining(" "));
    }

    /** One branch's loaded data, built fluently; times are local times of {@code date} in Berlin. */
    static final class Data {
        private final LocalDate date;
        private final List<UUID> staff = new ArrayList<>();
        private final List<WeeklyRule> weekly = new ArrayList<>();
        private final List<DateRule> overrides = new ArrayList<>();
        private final List<Absence> absences = new ArrayList<>();
        private final List<Booking> bookings = new ArrayList<>();

        Data(LocalDate date) {
            this.date = date;
        }

        Data nineToFive(UUID id) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                rule(id, day, HoursKind.WORK, "09:00", "17:00");
                rule(id, day, HoursKind.BREAK, "12:00", "13:00");
            }
            return this;
        }

        Data work(UUID id, String start, String end) {
            return work(id, date.getDayOfWeek(), start, end);
        }

        Data work(UUID id, DayOfWeek day, String start, String end) {
            return rule(id, day, HoursKind.WORK, start, end);
        }

        /** Hours that the calculator never sees because the loader only passes staff who perform the service. */
        Data unskilledWithHours(UUID id, String start, String end) {
            weekly.add(new WeeklyRule(id, date.getDayOfWeek(), HoursKind.WORK, LocalTime.parse(start), LocalTime.parse(end)));
            return this;
        }

        Data override(UUID id, LocalDate on, HoursKind kind, String start, String end) {
            known(id);
            overrides.add(new DateRule(id, on, kind, LocalTime.parse(start), LocalTime.parse(end)));
            return this;
        }

        Data timeOff(UUID id, String from, String until) {
            absences.add(new Absence(id, at(from), at(until)));
            return this;
        }

        Data booking(UUID id, String from, String until, AppointmentStatus status, Instant holdExpiresAt) {
            // As availability loads them: live appointments only, a hold with the time it ends.
            if (status.live()) {
                bookings.add(new Booking(id, at(from), at(until), status == AppointmentStatus.HELD ? holdExpiresAt : null));
            }
            return this;
        }

        Data bookingAt(UUID id, Instant from, Duration length) {
            bookings.add(new Booking(id, from, from.plus(length), null));
            return this;
        }

        Schedule schedule() {
            return new Schedule(BERLIN, List.copyOf(staff), weekly, overrides, absences, bookings);
        }

        private Data rule(UUID id, DayOfWeek day, HoursKind kind, String start, String end) {
            known(id);
            weekly.add(new WeeklyRule(id, day, kind, LocalTime.parse(start), LocalTime.parse(end)));
            return this;
        }

        private void known(UUID id) {
            if (!staff.contains(id)) {
                staff.add(id);
            }
        }

        private Instant at(String time) {
            return LocalDateTime.of(date, LocalTime.parse(time)).atZone(BERLIN).toInstant();
        }
    }
}
