package io.callbook.booking.schedule.domain;

import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.HoursKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The free slots of a branch for one service, from data already loaded (no database, no clock, no Quarkus), so
 * every rule can be tested on its own. Minimum notice and booking window are not applied here: they depend on
 * "now" and are applied to cached days on every request ({@link io.callbook.booking.availability.domain.AvailabilityView}).
 *
 * <p>The rules, per staff member and date of the branch's zone:
 * <ul>
 *   <li>Hours: the date's overrides when the staff member has any for that date, else the weekly rows of that
 *       weekday; {@code work} minus {@code break}, in local time.</li>
 *   <li>Local hours become real time as "every instant whose wall-clock time on that date lies in the interval":
 *       on the night the clocks go forward, 01:30–03:30 is one real hour; when they go back, 01:00–04:00 is four,
 *       and an interval that lies wholly inside the repeated hour happens twice.</li>
 *   <li>Candidate starts lie on the slot-interval grid counted in local time from the start of each working
 *       interval (hours minus breaks; time off and appointments do not move the grid, so slots stay at the times
 *       customers expect). A grid time that does not exist (skipped hour) yields no slot; one that happens twice
 *       yields two slots, one per real instant.</li>
 *   <li>A start S is free when {@code [S - bufferBefore, S + duration + bufferAfter)} lies wholly inside one
 *       working interval (buffers are preparation and clean-up time, so the staff member must be at work for
 *       them) and overlaps no time off (the staff member's own or branch-wide) and no live appointment's blocked
 *       time (which already holds that appointment's buffers, as the database's exclusion constraint does).</li>
 *   <li>A held appointment whose hold expired before {@code now} does not block; a live hold makes the computed
 *       day valid only until it expires ({@link Day#validUntil()}).</li>
 * </ul>
 */
public final class SlotCalculator {

    private SlotCalculator() {
    }

    /** How a service occupies a staff member; all positive except the buffers, which may be zero. */
    public record ServiceRules(Duration duration, Duration slotInterval, Duration bufferBefore, Duration bufferAfter) {

        public static ServiceRules of(BookableService service) {
            return new ServiceRules(service.duration(), Duration.ofMinutes(service.slotIntervalMinutes),
                    service.bufferBefore(), service.bufferAfter());
        }
    }

    /** A row of a staff member's regular week, in the branch's local time. */
    public record WeeklyRule(UUID staffId, DayOfWeek day, HoursKind kind, LocalTime start, LocalTime end) {
    }

    /** A row of a staff member's hours for one date; any such row replaces that date's weekly rows. */
    public record DateRule(UUID staffId, LocalDate date, HoursKind kind, LocalTime start, LocalTime end) {
    }

    /** Time off of one staff member, or of the whole branch when {@code staffId} is null. */
    public record Absence(UUID staffId, Instant from, Instant until) {
    }

    /**
     * A live appointment's blocked time (buffers included).
     *
     * @param holdExpiresAt when the hold ends, for a held appointment; null for one that is booked
     */
    public record Booking(UUID staffId, Instant blockedFrom, Instant blockedUntil, Instant holdExpiresAt) {

        boolean blocksAt(Instant now) {
            return holdExpiresAt == null || holdExpiresAt.isAfter(now);
        }
    }

    /** Everything about a branch's staff the calculation needs, for a range of dates. */
    public record Schedule(ZoneId zone, List<UUID> staffIds, List<WeeklyRule> weekly, List<DateRule> overrides,
                           List<Absence> absences, List<Booking> bookings) {
    }

    /** A free start and the staff members who can take it (sorted). */
    public record Slot(Instant start, List<UUID> staffIds) {
    }

    /**
     * One date of the branch's zone. {@code validUntil} is when a live hold that blocks part of this date expires
     * (null when none does): after that the day must be computed again.
     */
    public record Day(LocalDate date, List<Slot> slots, Instant validUntil) {
    }

    /** Free slots for each date from {@code from} to {@code to} (inclusive) of the schedule's zone. */
    public static List<Day> calculate(Schedule schedule, ServiceRules service, LocalDate from, LocalDate to, Instant now) {
        ZoneRules rules = schedule.zone().getRules();
        Map<UUID, Map<DayOfWeek, List<WeeklyRule>>> weekly = weeklyByStaff(schedule);
        Map<UUID, Map<LocalDate, List<DateRule>>> overrides = overridesByStaff(schedule);
        Map<UUID, List<Range>> busy = busyTimes(schedule, now);
        List<Booking> liveHolds = schedule.bookings().stream()
                .filter(b -> b.holdExpiresAt() != null && b.blocksAt(now))
                .toList();

        // In this order each start's list of staff comes out sorted: a staff member adds a start at most once, as
        // their working intervals do not overlap and every real instant has one wall-clock time.
        List<UUID> staffInOrder = schedule.staffIds().stream().sorted().toList();

        List<Day> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            List<ZoneOffset> offsetAllDay = offsetAllDay(date, rules);
            TreeMap<Instant, List<UUID>> free = new TreeMap<>();
            for (UUID staff : staffInOrder) {
                List<LocalRange> hours = hoursOn(date, staff, weekly, overrides);
                if (hours.isEmpty()) {
                    continue;
                }
                List<Range> working = new ArrayList<>();
                for (LocalRange local : hours) {
                    working.addAll(toInstants(date, local.start(), local.end(), rules));
                }
                working = merge(working);
                List<Range> blocked = busy.getOrDefault(staff, List.of());
                for (LocalRange local : hours) {
                    addFreeStarts(date, local, service, rules, offsetAllDay, working, blocked, staff, free);
                }
            }
            List<Slot> slots = new ArrayList<>(free.size());
            free.forEach((start, staff) -> slots.add(new Slot(start, List.copyOf(staff))));
            days.add(new Day(date, List.copyOf(slots), validUntil(date, rules, liveHolds)));
        }
        return days;
    }

    /**
     * The real time of the local interval {@code [start, end)} on {@code date}: every instant whose wall-clock time
     * on that date lies inside it. Usually one range; two when the interval lies inside an hour the clocks repeat.
     */
    static List<Range> toInstants(LocalDate date, LocalTime start, LocalTime end, ZoneRules rules) {
        LocalDateTime localStart = date.atTime(start);
        LocalDateTime localEnd = date.atTime(end);
        // Every instant that can show a wall-clock time in the interval, whatever the offset.
        Instant lo = localStart.toInstant(ZoneOffset.MAX);
        Instant hi = localEnd.toInstant(ZoneOffset.MIN);
        List<Range> pieces = new ArrayList<>(2);
        Instant periodStart = lo;
        ZoneOffset offset = rules.getOffset(lo);
        while (true) {
            ZoneOffsetTransition next = rules.nextTransition(periodStart);
            boolean last = next == null || !next.getInstant().isBefore(hi);
            Instant periodEnd = last ? hi : next.getInstant();
            // Within one offset period the wall clock runs with real time, so the interval maps to one range.
            Instant from = max(periodStart, localStart.toInstant(offset));
            Instant until = min(periodEnd, localEnd.toInstant(offset));
            if (from.isBefore(until)) {
                pieces.add(new Range(from, until));
            }
            if (last) {
                return merge(pieces);
            }
            periodStart = periodEnd;
            offset = next.getOffsetAfter();
        }
    }

    /**
     * The date's one offset when the clocks do not change on it or close enough to reach its wall-clock times; empty
     * when they do. Looking the offset up for every grid time took a third of the slot loop's CPU, and all but a
     * few dates a year have one offset throughout.
     */
    private static List<ZoneOffset> offsetAllDay(LocalDate date, ZoneRules rules) {
        // Every instant that can show a wall-clock time of this date, whatever the offset.
        Instant first = date.atStartOfDay().toInstant(ZoneOffset.MAX);
        Instant last = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.MIN);
        ZoneOffsetTransition next = rules.nextTransition(first);
        if (next != null && !next.getInstant().isAfter(last)) {
            return List.of();
        }
        return List.of(rules.getOffset(first));
    }

    private static void addFreeStarts(LocalDate date, LocalRange local, ServiceRules service, ZoneRules rules,
                                      List<ZoneOffset> offsetAllDay, List<Range> working, List<Range> blocked, UUID staff,
                                      TreeMap<Instant, List<UUID>> free) {
        long step = service.slotInterval().toSeconds();
        // Seconds of the day rather than LocalTime, which would wrap around midnight and loop forever.
        for (long second = local.start().toSecondOfDay(); second < local.end().toSecondOfDay(); second += step) {
            LocalDateTime candidate = date.atTime(LocalTime.ofSecondOfDay(second));
            // None in the skipped hour, two in the repeated one: each real instant is its own slot.
            List<ZoneOffset> offsets = offsetAllDay.isEmpty() ? rules.getValidOffsets(candidate) : offsetAllDay;
            for (ZoneOffset offset : offsets) {
                Instant start = candidate.toInstant(offset);
                Range needed = new Range(start.minus(service.bufferBefore()),
                        start.plus(service.duration()).plus(service.bufferAfter()));
                if (insideOne(working, needed) && !overlapsAny(blocked, needed)) {
                    free.computeIfAbsent(start, s -> new ArrayList<>()).add(staff);
                }
            }
        }
    }

    /**
     * Whether a staff member is at work for the whole of {@code [from, until)} and not away, by the same hours and
     * time-off rules as {@link #calculate} but without its grid. Appointments are left out on purpose: whether the
     * time is still free is the database's exclusion constraint's to decide.
     */
    public static boolean works(Schedule schedule, UUID staff, Instant from, Instant until) {
        ZoneRules rules = schedule.zone().getRules();
        Map<UUID, Map<DayOfWeek, List<WeeklyRule>>> weekly = new HashMap<>();
        schedule.weekly().stream().filter(rule -> rule.staffId().equals(staff)).forEach(rule -> weekly
                .computeIfAbsent(staff, id -> new HashMap<>()).computeIfAbsent(rule.day(), d -> new ArrayList<>()).add(rule));
        Map<UUID, Map<LocalDate, List<DateRule>>> overrides = new HashMap<>();
        schedule.overrides().stream().filter(rule -> rule.staffId().equals(staff)).forEach(rule -> overrides
                .computeIfAbsent(staff, id -> new HashMap<>()).computeIfAbsent(rule.date(), d -> new ArrayList<>()).add(rule));
        List<Range> working = new ArrayList<>();
        LocalDate last = until.atZone(schedule.zone()).toLocalDate();
        for (LocalDate date = from.atZone(schedule.zone()).toLocalDate().minusDays(1); !date.isAfter(last);
             date = date.plusDays(1)) {
            for (LocalRange local : hoursOn(date, staff, weekly, overrides)) {
                working.addAll(toInstants(date, local.start(), local.end(), rules));
            }
        }
        Range needed = new Range(from, until);
        boolean away = schedule.absences().stream()
                .filter(absence -> absence.staffId() == null || absence.staffId().equals(staff))
                .anyMatch(absence -> absence.from().isBefore(until) && absence.until().isAfter(from));
        return insideOne(merge(working), needed) && !away;
    }

    /**
     * When at least one of the schedule's staff members is at work on {@code date} and not away, by the same hours and
     * time-off rules as {@link #calculate} but without a service or appointments: the branch's hours as its staff
     * make them. Sorted and merged; empty when nobody works that day.
     */
    static List<Range> workingTime(Schedule schedule, LocalDate date) {
        ZoneRules rules = schedule.zone().getRules();
        Map<UUID, Map<DayOfWeek, List<WeeklyRule>>> weekly = weeklyByStaff(schedule);
        Map<UUID, Map<LocalDate, List<DateRule>>> overrides = overridesByStaff(schedule);
        // The schedule holds no appointments, so "now" changes nothing: these are time off only.
        Map<UUID, List<Range>> away = busyTimes(schedule, Instant.EPOCH);
        List<Range> open = new ArrayList<>();
        for (UUID staff : schedule.staffIds()) {
            List<Range> working = new ArrayList<>();
            for (LocalRange local : hoursOn(date, staff, weekly, overrides)) {
                working.addAll(toInstants(date, local.start(), local.end(), rules));
            }
            open.addAll(without(merge(working), away.getOrDefault(staff, List.of())));
        }
        return merge(open);
    }

    private static Map<UUID, Map<DayOfWeek, List<WeeklyRule>>> weeklyByStaff(Schedule schedule) {
        Map<UUID, Map<DayOfWeek, List<WeeklyRule>>> weekly = new HashMap<>();
        for (WeeklyRule rule : schedule.weekly()) {
            weekly.computeIfAbsent(rule.staffId(), id -> new HashMap<>())
                    .computeIfAbsent(rule.day(), d -> new ArrayList<>()).add(rule);
        }
        return weekly;
    }

    private static Map<UUID, Map<LocalDate, List<DateRule>>> overridesByStaff(Schedule schedule) {
        Map<UUID, Map<LocalDate, List<DateRule>>> overrides = new HashMap<>();
        for (DateRule rule : schedule.overrides()) {
            overrides.computeIfAbsent(rule.staffId(), id -> new HashMap<>())
                    .computeIfAbsent(rule.date(), d -> new ArrayList<>()).add(rule);
        }
        return overrides;
    }

    /** {@code ranges} minus {@code cuts}, both sorted and merged. */
    private static List<Range> without(List<Range> ranges, List<Range> cuts) {
        List<Range> result = new ArrayList<>();
        for (Range range : ranges) {
            Instant cursor = range.from();
            for (Range cut : cuts) {
                if (!cut.until().isAfter(cursor) || !cut.from().isBefore(range.until())) {
                    continue;
                }
                if (cut.from().isAfter(cursor)) {
                    result.add(new Range(cursor, cut.from()));
                }
                cursor = cut.until();
                if (!cursor.isBefore(range.until())) {
                    break;
                }
            }
            if (cursor.isBefore(range.until())) {
                result.add(new Range(cursor, range.until()));
            }
        }
        return result;
    }

    private static List<LocalRange> hoursOn(LocalDate date, UUID staff, Map<UUID, Map<DayOfWeek, List<WeeklyRule>>> weekly,
                                            Map<UUID, Map<LocalDate, List<DateRule>>> overrides) {
        List<DateRule> changed = overrides.getOrDefault(staff, Map.of()).get(date);
        List<LocalRange> work = new ArrayList<>();
        List<LocalRange> breaks = new ArrayList<>();
        if (changed != null) {
            for (DateRule rule : changed) {
                (rule.kind() == HoursKind.WORK ? work : breaks).add(new LocalRange(rule.start(), rule.end()));
            }
        } else {
            for (WeeklyRule rule : weekly.getOrDefault(staff, Map.of()).getOrDefault(date.getDayOfWeek(), List.of())) {
                (rule.kind() == HoursKind.WORK ? work : breaks).add(new LocalRange(rule.start(), rule.end()));
            }
        }
        return subtract(mergeLocal(work), mergeLocal(breaks));
    }

    /** Time off and live appointments per staff member, sorted and merged; branch-wide time off goes to everyone. */
    private static Map<UUID, List<Range>> busyTimes(Schedule schedule, Instant now) {
        Map<UUID, List<Range>> busy = new HashMap<>();
        List<Range> branchWide = new ArrayList<>();
        for (Absence absence : schedule.absences()) {
            Range range = new Range(absence.from(), absence.until());
            if (absence.staffId() == null) {
                branchWide.add(range);
            } else {
                busy.computeIfAbsent(absence.staffId(), id -> new ArrayList<>()).add(range);
            }
        }
        for (Booking booking : schedule.bookings()) {
            if (booking.blocksAt(now)) {
                busy.computeIfAbsent(booking.staffId(), id -> new ArrayList<>())
                        .add(new Range(booking.blockedFrom(), booking.blockedUntil()));
            }
        }
        Map<UUID, List<Range>> merged = new HashMap<>();
        for (UUID staff : schedule.staffIds()) {
            List<Range> all = new ArrayList<>(branchWide);
            all.addAll(busy.getOrDefault(staff, List.of()));
            merged.put(staff, merge(all));
        }
        return merged;
    }

    private static Instant validUntil(LocalDate date, ZoneRules rules, List<Booking> liveHolds) {
        if (liveHolds.isEmpty()) {
            return null;
        }
        // Generous day bounds (any offset): a hold near midnight may shorten both neighbouring days, never too few.
        Instant dayFrom = date.atStartOfDay().toInstant(ZoneOffset.MAX);
        Instant dayUntil = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.MIN);
        Instant earliest = null;
        for (Booking hold : liveHolds) {
            if (hold.blockedFrom().isBefore(dayUntil) && hold.blockedUntil().isAfter(dayFrom)
                    && (earliest == null || hold.holdExpiresAt().isBefore(earliest))) {
                earliest = hold.holdExpiresAt();
            }
        }
        return earliest;
    }

    private static boolean insideOne(List<Range> ranges, Range needed) {
        for (Range range : ranges) {
            if (!range.from().isAfter(needed.from()) && !range.until().isBefore(needed.until())) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(List<Range> sorted, Range needed) {
        for (Range range : sorted) {
            if (!range.from().isBefore(needed.until())) {
                return false;
            }
            if (range.until().isAfter(needed.from())) {
                return true;
            }
        }
        return false;
    }

    /** Sorted, with touching and overlapping ranges joined. */
    static List<Range> merge(List<Range> ranges) {
        if (ranges.size() < 2) {
            return List.copyOf(ranges);
        }
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(Range::from));
        List<Range> merged = new ArrayList<>();
        Range current = sorted.get(0);
        for (Range next : sorted.subList(1, sorted.size())) {
            if (next.from().isAfter(current.until())) {
                merged.add(current);
                current = next;
            } else if (next.until().isAfter(current.until())) {
                current = new Range(current.from(), next.until());
            }
        }
        merged.add(current);
        return merged;
    }

    private static List<LocalRange> mergeLocal(List<LocalRange> ranges) {
        List<LocalRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(LocalRange::start));
        List<LocalRange> merged = new ArrayList<>();
        for (LocalRange next : sorted) {
            LocalRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start().isAfter(last.end())) {
                if (next.end().isAfter(last.end())) {
                    merged.set(merged.size() - 1, new LocalRange(last.start(), next.end()));
                }
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    /** {@code work} minus {@code breaks}, both sorted and merged. */
    private static List<LocalRange> subtract(List<LocalRange> work, List<LocalRange> breaks) {
        List<LocalRange> result = new ArrayList<>();
        for (LocalRange range : work) {
            LocalTime cursor = range.start();
            for (LocalRange cut : breaks) {
                if (!cut.end().isAfter(cursor) || !cut.start().isBefore(range.end())) {
                    continue;
                }
                if (cut.start().isAfter(cursor)) {
                    result.add(new LocalRange(cursor, cut.start()));
                }
                cursor = cut.end();
                if (!cursor.isBefore(range.end())) {
                    break;
                }
            }
            if (cursor.isBefore(range.end())) {
                result.add(new LocalRange(cursor, range.end()));
            }
        }
        return result;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A half-open range of real time. */
    record Range(Instant from, Instant until) {
    }

    private record LocalRange(LocalTime start, LocalTime end) {
    }
}
