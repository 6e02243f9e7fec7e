package io.callbook.loadtest.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Numbers everything the booking bench asks for, so that a run can be handed a range of numbers nobody used before:
 * availability combinations (branch, service, week) and bookable slots (staff member, day, start). Also the one place
 * that knows the seeded working day, so that seeded hours and booked slots agree.
 */
public final class BookingGrid {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(20, 0);
    static final LocalTime BREAK_STARTS = LocalTime.of(12, 0);
    static final LocalTime BREAK_ENDS = LocalTime.of(13, 0);
    /** Duration and slot interval of every seeded service. */
    static final int SLOT_MINUTES = 30;
    /** Weeks that availability asks for: week 0 is the cached run's hot set, the others are for uncached runs. */
    static final int WEEKS = 100;
    static final List<LocalTime> SLOT_STARTS = slotStarts();

    private final List<String> serviceIds;
    private final List<String> branchIds;
    /** Branches interleaved (member 0 of every branch, then member 1, ...): neighbouring slots are in different branches. */
    private final List<StaffMember> staff = new ArrayList<>();

    public record AvailabilityQuery(String branchId, String serviceId, LocalDate from, LocalDate to) {

        /** {@code GET} this on booking-service; {@code to} is inclusive. */
        public String path() {
            return "/v1/branches/" + branchId + "/availability?serviceId=" + serviceId + "&from=" + from + "&to=" + to;
        }
    }

    public record Slot(String branchId, String staffId, String serviceId, OffsetDateTime start) {
    }

    private record StaffMember(String branchId, String staffId) {
    }

    public BookingGrid(BookingSeed seed) {
        this.serviceIds = List.copyOf(seed.serviceIds());
        this.branchIds = seed.branches().stream().map(BookingSeed.Branch::id).toList();
        int members = seed.branches().stream().mapToInt(b -> b.staffIds().size()).min().orElse(0);
        for (int member = 0; member < members; member++) {
            for (BookingSeed.Branch branch : seed.branches()) {
                staff.add(new StaffMember(branch.id(), branch.staffIds().get(member)));
            }
        }
        if (serviceIds.isEmpty() || staff.isEmpty()) {
            throw new IllegalArgumentException("The booking seed has no services or no staff");
        }
    }

    /** The seeded week: every day 08:00–20:00 with a break 12:00–13:00, as {@code PUT .../staff/{id}/hours} takes it. */
    static Map<String, Object> weeklyHours() {
        List<Map<String, Object>> days = Arrays.stream(DayOfWeek.values())
                .map(day -> Map.<String, Object>of("day", day.name(), "start", OPENS.toString(), "end", CLOSES.toString(),
                        "breaks", List.of(Map.of("start", BREAK_STARTS.toString(), "end", BREAK_ENDS.toString()))))
                .toList();
        return Map.of("days", days);
    }

    public int combosPerWeek() {
        return branchIds.size() * serviceIds.size();
    }

    /** The i-th combination of the hot set, all in week 0. */
    public AvailabilityQuery hot(int i, LocalDate week0) {
        if (i < 0 || i >= combosPerWeek()) {
            throw new IllegalArgumentException("The hot set can hold at most " + combosPerWeek() + " combinations");
        }
        // One day: what a voice agent asks while the caller waits ("is anyone free on Tuesday?").
        AvailabilityQuery week = combo(i, week0);
        LocalDate day = week.from().plusDays(i % 7);
        return new AvailabilityQuery(week.branchId(), week.serviceId(), day, day);
    }

    /** The i-th combination for uncached runs, in weeks 1 and later; after {@link #freshCombos()} they repeat. */
    public AvailabilityQuery fresh(long i, LocalDate week0) {
        return combo(combosPerWeek() + Math.floorMod(i, freshCombos()), week0);
    }

    public long freshCombos() {
        return (long) combosPerWeek() * (WEEKS - 1);
    }

    private AvailabilityQuery combo(long combo, LocalDate week0) {
        String branch = branchIds.get((int) (combo % branchIds.size()));
        String service = serviceIds.get((int) (combo / branchIds.size() % serviceIds.size()));
        LocalDate from = week0.plusWeeks(combo / combosPerWeek());
        return new AvailabilityQuery(branch, service, from, from.plusDays(6));
    }

    /** Slots at one start: one per staff member of every branch. */
    public long slotsPerStart() {
        return staff.size();
    }

    /**
     * Whether a voice bench names the i-th slot's staff member when it books it. It names them at every other start and
     * lets anyone take the slots of the starts between, as a caller does who takes whoever is free. A start's slots
     * are all booked the one way or all the other, and a run's block holds whole starts ({@link BookingLedger}), so a
     * booking for anyone, which takes the first free performer, never takes the one a named booking asks for.
     */
    public boolean namesStaff(long i) {
        return i / staff.size() % 2 == 0;
    }

    /** Bookable slots per day over all staff. */
    public long slotsPerDay() {
        return (long) staff.size() * SLOT_STARTS.size();
    }

    /** The i-th slot counted from day0: every staff member at the first start, then at the next start, then the next day. */
    public Slot slot(long i, LocalDate day0) {
        StaffMember member = staff.get((int) (i % staff.size()));
        long ofStaff = i / staff.size();
        LocalTime start = SLOT_STARTS.get((int) (ofStaff % SLOT_STARTS.size()));
        LocalDate day = day0.plusDays(ofStaff / SLOT_STARTS.size());
        return new Slot(member.branchId(), member.staffId(), serviceIds.get((int) (i % serviceIds.size())),
                ZonedDateTime.of(day, start, ZONE).toOffsetDateTime());
    }

    public LocalDate dayOf(long i, LocalDate day0) {
        return day0.plusDays(i / slotsPerDay());
    }

    private static List<LocalTime> slotStarts() {
        List<LocalTime> starts = new ArrayList<>();
        for (LocalTime start = OPENS; !start.plusMinutes(SLOT_MINUTES).isAfter(CLOSES); start = start.plusMinutes(SLOT_MINUTES)) {
            LocalTime end = start.plusMinutes(SLOT_MINUTES);
            if (!end.isAfter(BREAK_STARTS) || !start.isBefore(BREAK_ENDS)) {
                starts.add(start);
            }
        }
        return List.copyOf(starts);
    }
}
