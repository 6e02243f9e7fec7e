package io.callbook.booking.availability.domain;

import io.callbook.booking.availability.domain.AvailabilityView.Window;
import io.callbook.booking.availability.domain.AvailabilityView.ZonedDay;
import io.callbook.booking.schedule.domain.SlotCalculator.Day;
import io.callbook.booking.schedule.domain.SlotCalculator.Slot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Minimum notice, booking window, requested zone and staff filter, applied to computed days. */
class AvailabilityViewTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate TUESDAY = LocalDate.parse("2026-12-01");
    static final UUID A = new UUID(0, 1);
    static final UUID B = new UUID(0, 2);
    static final Duration HALF_HOUR = Duration.ofMinutes(30);
    static final Window OPEN = new Window(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    /** 09:00–11:30 Berlin time (08:00Z–10:30Z), every half hour, A and B. */
    static List<Day> morning() {
        List<Slot> slots = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            slots.add(new Slot(Instant.parse("2026-12-01T08:00:00Z").plus(HALF_HOUR.multipliedBy(i)), List.of(A, B)));
        }
        return List.of(new Day(TUESDAY, slots, null));
    }

    @Test
    void minimumNoticeHidesStartsThatCameTooClose() {
        Instant now = Instant.parse("2026-12-01T08:10:00Z");
        Window window = new Window(now.plus(Duration.ofMinutes(60)), now.plus(Duration.ofDays(60)));
        assertEquals(List.of("10:30", "11:00", "11:30"), starts(AvailabilityView.assemble(morning(), BERLIN, TUESDAY, TUESDAY,
                window, HALF_HOUR, null).get(0)));
    }

    @Test
    void bookingWindowEndsExactlyAtItsLastInstant() {
        Instant now = Instant.parse("2026-11-30T09:00:00Z");
        Window window = new Window(now, now.plus(Duration.ofDays(1)));
        assertEquals(List.of("09:00", "09:30", "10:00"), starts(AvailabilityView.assemble(morning(), BERLIN, TUESDAY, TUESDAY,
                window, HALF_HOUR, null).get(0)));
    }

    @Test
    void nothingToComputeOutsideTheWindow() {
        Instant now = Instant.parse("2026-12-05T00:00:00Z");
        Window window = new Window(now, now.plus(Duration.ofDays(30)));
        assertTrue(AvailabilityView.branchDates(BERLIN, BERLIN, TUESDAY, TUESDAY.plusDays(2), window).isEmpty());
        Window soon = new Window(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-02T12:00:00Z"));
        assertEquals(new AvailabilityView.DateRange(TUESDAY, TUESDAY.plusDays(1)),
                AvailabilityView.branchDates(BERLIN, BERLIN, TUESDAY, TUESDAY.plusDays(5), soon).orElseThrow());
    }

    @Test
    void anotherZoneRegroupsByItsOwnDates() {
        // Berlin 2026-12-01 00:30 is New York 2026-11-30 18:30: that slot belongs to the New York Monday.
        List<Day> days = List.of(new Day(TUESDAY, List.of(new Slot(Instant.parse("2026-11-30T23:30:00Z"), List.of(A)),
                new Slot(Instant.parse("2026-12-01T08:00:00Z"), List.of(A))), null));
        assertEquals(new AvailabilityView.DateRange(TUESDAY.minusDays(1), TUESDAY.plusDays(1)),
                AvailabilityView.branchDates(BERLIN, NEW_YORK, TUESDAY.minusDays(1), TUESDAY, OPEN).orElseThrow());
        List<ZonedDay> zoned = AvailabilityView.assemble(days, NEW_YORK, TUESDAY.minusDays(1), TUESDAY, OPEN, HALF_HOUR, null);
        assertEquals(TUESDAY.minusDays(1), zoned.get(0).date());
        assertEquals("2026-11-30T18:30-05:00", zoned.get(0).slots().get(0).start().toString());
        assertEquals("2026-11-30T19:00-05:00", zoned.get(0).slots().get(0).end().toString());
        assertEquals("2026-12-01T03:00-05:00", zoned.get(1).slots().get(0).start().toString());
    }

    @Test
    void everyRequestedDateIsListedAndSlotsOutsideTheRangeAreDropped() {
        List<ZonedDay> zoned = AvailabilityView.assemble(morning(), BERLIN, TUESDAY.plusDays(1), TUESDAY.plusDays(2), OPEN,
                HALF_HOUR, null);
        assertEquals(List.of(TUESDAY.plusDays(1), TUESDAY.plusDays(2)), zoned.stream().map(ZonedDay::date).toList());
        assertTrue(zoned.stream().allMatch(day -> day.slots().isEmpty()));
    }

    @Test
    void oneStaffMemberSeesOnlyTheirSlotsListingOnlyThem() {
        List<Day> days = List.of(new Day(TUESDAY, List.of(new Slot(Instant.parse("2026-12-01T08:00:00Z"), List.of(A)),
                new Slot(Instant.parse("2026-12-01T08:30:00Z"), List.of(A, B))), null));
        List<ZonedDay> zoned = AvailabilityView.assemble(days, BERLIN, TUESDAY, TUESDAY, OPEN, HALF_HOUR, B);
        assertEquals(1, zoned.get(0).slots().size());
        assertEquals(List.of(B), zoned.get(0).slots().get(0).staffIds());
    }

    static List<String> starts(ZonedDay day) {
        return day.slots().stream().map(slot -> slot.start().toLocalTime().toString()).toList();
    }
}
