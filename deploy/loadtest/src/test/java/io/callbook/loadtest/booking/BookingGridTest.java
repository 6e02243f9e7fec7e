package io.callbook.loadtest.booking;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs are handed ranges of numbers; what a number means must never repeat and always be bookable. */
class BookingGridTest {

    private static final LocalDate DAY0 = LocalDate.of(2027, 3, 1);
    private static final BookingSeed SEED = seed(5, 10, 20);
    private static final BookingGrid GRID = new BookingGrid(SEED);

    @Test
    void slotsAreDistinctAndInsideWorkingHours() {
        assertEquals(22, BookingGrid.SLOT_STARTS.size()); // 08:00–12:00 and 13:00–20:00 in half hours
        assertEquals(100 * 22, GRID.slotsPerDay());
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < GRID.slotsPerDay() * 3; i++) {
            BookingGrid.Slot slot = GRID.slot(i, DAY0);
            assertTrue(seen.add(slot.staffId() + "@" + slot.start()), "slot " + i + " repeats");
            LocalTime start = slot.start().atZoneSameInstant(BookingGrid.ZONE).toLocalTime();
            LocalTime end = start.plusMinutes(BookingGrid.SLOT_MINUTES);
            assertFalse(start.isBefore(BookingGrid.OPENS) || end.isAfter(BookingGrid.CLOSES), slot.toString());
            assertFalse(start.isBefore(BookingGrid.BREAK_ENDS) && end.isAfter(BookingGrid.BREAK_STARTS), slot.toString());
            assertEquals(GRID.dayOf(i, DAY0), slot.start().atZoneSameInstant(BookingGrid.ZONE).toLocalDate());
        }
    }

    @Test
    void slotsCarryTheBranchZonesOffset() {
        assertEquals(ZoneOffset.ofHours(1), GRID.slot(0, LocalDate.of(2027, 1, 10)).start().getOffset());
        assertEquals(ZoneOffset.ofHours(2), GRID.slot(0, LocalDate.of(2027, 7, 10)).start().getOffset());
    }

    @Test
    void neighbouringSlotsAreInDifferentBranches() {
        List<String> branches = IntStream.range(0, 5).mapToObj(i -> GRID.slot(i, DAY0).branchId()).distinct().toList();
        assertEquals(5, branches.size());
        BookingGrid.Slot slot = GRID.slot(7, DAY0);
        assertTrue(SEED.branches().stream().anyMatch(b -> b.id().equals(slot.branchId()) && b.staffIds().contains(slot.staffId())),
                "a slot's staff member works at its branch");
    }

    @Test
    void freshCombinationsNeverRepeatAndStayOutOfTheHotWeek() {
        assertEquals(50L * 99, GRID.freshCombos());
        Set<BookingGrid.AvailabilityQuery> seen = new HashSet<>();
        for (long i = 0; i < GRID.freshCombos(); i++) {
            BookingGrid.AvailabilityQuery query = GRID.fresh(i, DAY0);
            assertTrue(seen.add(query), "combination " + i + " repeats");
            assertTrue(query.from().isAfter(DAY0.plusDays(6)), "fresh combination " + i + " in the hot week");
            assertEquals(query.from().plusDays(6), query.to());
        }
        assertEquals(GRID.fresh(0, DAY0), GRID.fresh(GRID.freshCombos(), DAY0));
        assertEquals(DAY0, GRID.hot(49, DAY0).from());
        assertNotEquals(GRID.hot(0, DAY0).serviceId(), GRID.hot(5, DAY0).serviceId());
    }

    @Test
    void seededHoursAreTheGridsWorkingDay() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> days = (List<Map<String, Object>>) BookingGrid.weeklyHours().get("days");
        assertEquals(7, days.size());
        assertEquals(Map.of("day", "MONDAY", "start", "08:00", "end", "20:00",
                "breaks", List.of(Map.of("start", "12:00", "end", "13:00"))), days.get(0));
    }

    @Test
    void aStartsSlotsAreEveryStaffMemberOnceAndAllNamedOrAllForAnyone() {
        assertEquals(100, GRID.slotsPerStart());
        for (long start = 0; start < 6; start++) {
            boolean named = GRID.namesStaff(start * 100);
            Set<String> staff = new HashSet<>();
            Set<Object> times = new HashSet<>();
            for (long i = start * 100; i < (start + 1) * 100; i++) {
                assertEquals(named, GRID.namesStaff(i), "slot " + i);
                staff.add(GRID.slot(i, DAY0).staffId());
                times.add(GRID.slot(i, DAY0).start());
            }
            // so a branch's bookings for anyone at one start are at most as many as its staff
            assertEquals(100, staff.size());
            assertEquals(1, times.size());
            assertEquals(!named, GRID.namesStaff((start + 1) * 100), "the next start the other way");
        }
    }

    @Test
    void ledgerHandsOutEachNumberOnceAndRestartsBeforeTheBookingWindowEnds() {
        LocalDate today = LocalDate.of(2027, 1, 4);
        BookingLedger ledger = BookingLedger.load(java.nio.file.Path.of("no-such-ledger.json"), SEED, today);
        assertEquals(today.plusDays(BookingLedger.FIRST_BOOKING_DAY), ledger.slotDay());

        BookingLedger.Taken first = ledger.takeSlots(3_300, GRID, today);
        BookingLedger.Taken second = first.ledger().takeSlots(100, GRID, today);
        assertEquals(new BookingLedger.Block(0, 3_300), first.block());
        assertEquals(new BookingLedger.Block(3_300, 100), second.block());
        BookingLedger.Taken partStart = second.ledger().takeSlots(150, GRID, today);
        assertEquals(new BookingLedger.Block(3_400, 200), partStart.block(), "whole starts of 100 slots");
        assertEquals(3_600, partStart.ledger().takeSlots(1, GRID, today).block().first());
        BookingLedger.Taken combos = second.ledger().takeCombos(1_650);
        assertEquals(new BookingLedger.Block(0, 1_650), combos.block());
        assertEquals(1_650, combos.ledger().takeCombos(10).block().first());

        long nearTheEnd = GRID.slotsPerDay() * (BookingLedger.LAST_BOOKING_DAY - BookingLedger.FIRST_BOOKING_DAY);
        BookingLedger late = new BookingLedger(SEED.companyId(), 0, ledger.slotDay0(), nearTheEnd);
        BookingLedger.Taken restarted = late.takeSlots(GRID.slotsPerDay() + 1, GRID, today);
        assertTrue(restarted.restarted());
        assertEquals(0, restarted.block().first());
        assertFalse(late.takeSlots(GRID.slotsPerDay(), GRID, today).restarted());
    }

    private static BookingSeed seed(int branches, int services, int staffPerBranch) {
        List<BookingSeed.Branch> branchList = IntStream.range(0, branches)
                .mapToObj(b -> new BookingSeed.Branch("branch-" + b,
                        IntStream.range(0, staffPerBranch).mapToObj(s -> "staff-" + b + "-" + s).toList()))
                .toList();
        return new BookingSeed("http://booking", "http://resolver", new BookingSeedPlan(branches, services, staffPerBranch),
                "company", IntStream.range(0, services).mapToObj(s -> "service-" + s).toList(), branchList, "2027-01-01T00:00:00Z");
    }
}
