package io.callbook.booking.availability.domain;

import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.schedule.domain.SlotCalculator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns computed (possibly cached) days of the branch's zone into what a caller asked for: the dates of the
 * requested zone, only starts between minimum notice and the end of the booking window as of now, optionally only
 * one staff member. Pure, like {@link SlotCalculator}; it runs on every request because "now" moves on while a
 * day sits in the cache.
 */
public final class AvailabilityView {

    private AvailabilityView() {
    }

    /** A slot as callers see it: start and end in the requested zone. */
    public record ZonedSlot(OffsetDateTime start, OffsetDateTime end, List<UUID> staffIds) {
    }

    public record ZonedDay(LocalDate date, List<ZonedSlot> slots) {
    }

    /** The bookable starts as of {@code now}: {@code earliest ≤ start ≤ latest}. */
    public record Window(Instant earliest, Instant latest) {

        public static Window of(BookableService service, Instant now) {
            return new Window(now.plus(Duration.ofMinutes(service.minNoticeMinutes)),
                    now.plus(Duration.ofDays(service.bookingWindowDays)));
        }
    }

    /**
     * The dates of the branch's zone whose slots can answer this request, or empty when the request lies wholly
     * outside the booking window (nothing to compute or load).
     */
    public static Optional<DateRange> branchDates(ZoneId branchZone, ZoneId zone, LocalDate from, LocalDate to, Window window) {
        Instant requestedFrom = from.atStartOfDay(zone).toInstant();
        Instant requestedUntil = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant first = requestedFrom.isAfter(window.earliest()) ? requestedFrom : window.earliest();
        Instant last = requestedUntil.minusNanos(1).isBefore(window.latest()) ? requestedUntil.minusNanos(1) : window.latest();
        if (first.isAfter(last)) {
            return Optional.empty();
        }
        return Optional.of(new DateRange(first.atZone(branchZone).toLocalDate(), last.atZone(branchZone).toLocalDate()));
    }

    /**
     * Every requested date of {@code zone}, in order, each with its bookable slots (possibly none).
     *
     * @param staffId only slots this staff member can take, listing only them; null for all
     */
    public static List<ZonedDay> assemble(List<SlotCalculator.Day> branchDays, ZoneId zone, LocalDate from, LocalDate to,
                                          Window window, Duration duration, UUID staffId) {
        Instant requestedFrom = from.atStartOfDay(zone).toInstant();
        Instant requestedUntil = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, List<ZonedSlot>> byDate = new LinkedHashMap<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            byDate.put(date, new ArrayList<>());
        }
        for (SlotCalculator.Day day : branchDays) {
            for (SlotCalculator.Slot slot : day.slots()) {
                Instant start = slot.start();
                if (start.isBefore(requestedFrom) || !start.isBefore(requestedUntil)
                        || start.isBefore(window.earliest()) || start.isAfter(window.latest())) {
                    continue;
                }
                List<UUID> staff = slot.staffIds();
                if (staffId != null) {
                    if (!staff.contains(staffId)) {
                        continue;
                    }
                    staff = List.of(staffId);
                }
                OffsetDateTime zonedStart = start.atZone(zone).toOffsetDateTime();
                OffsetDateTime zonedEnd = start.plus(duration).atZone(zone).toOffsetDateTime();
                byDate.get(zonedStart.toLocalDate()).add(new ZonedSlot(zonedStart, zonedEnd, staff));
            }
        }
        List<ZonedDay> days = new ArrayList<>(byDate.size());
        byDate.forEach((date, slots) -> {
            slots.sort(Comparator.comparing(slot -> slot.start().toInstant()));
            days.add(new ZonedDay(date, List.copyOf(slots)));
        });
        return days;
    }

    /**
     * Until when an assembled answer stays what {@link #assemble} would give: the first listed slot passes its
     * minimum notice at {@code start - (earliest - now)}, a live hold of a computed day ends at its
     * {@code validUntil}, and {@code maxAge} bounds the rest (slots entering the booking window at its far end).
     */
    public static Instant validUntil(List<ZonedDay> days, List<SlotCalculator.Day> branchDays, Window window,
                                     Instant now, Duration maxAge) {
        Instant until = now.plus(maxAge);
        Duration notice = Duration.between(now, window.earliest());
        for (ZonedDay day : days) {
            if (!day.slots().isEmpty()) {
                Instant firstDrops = day.slots().get(0).start().toInstant().minus(notice);
                until = firstDrops.isBefore(until) ? firstDrops : until;
                break;
            }
        }
        for (SlotCalculator.Day day : branchDays) {
            if (day.validUntil() != null && day.validUntil().isBefore(until)) {
                until = day.validUntil();
            }
        }
        return until;
    }

    /** Dates from {@code first} to {@code last}, inclusive. */
    public record DateRange(LocalDate first, LocalDate last) {

        public List<LocalDate> dates() {
            return first.datesUntil(last.plusDays(1)).toList();
        }
    }
}
