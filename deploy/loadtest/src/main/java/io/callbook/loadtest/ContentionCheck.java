package io.callbook.loadtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads back, after a contention run, what the raced slots hold ({@code GET /v1/appointments}): never two
 * appointments on one slot, and as many as the run was told were booked.
 */
final class ContentionCheck {

    /** @param doubleBooked a raced slot holds more than one appointment */
    record Outcome(String note, boolean doubleBooked) {
    }

    private ContentionCheck() {
    }

    static Outcome check(ApiClient booking, BookingSeed seed, BookingGrid grid, BookingLoadSettings run,
                         ContentionTally.Counts counts) {
        Set<String> raced = new HashSet<>();
        Instant from = null;
        Instant to = null;
        for (long i = run.first(); i < run.first() + run.count(); i++) {
            BookingGrid.Slot slot = grid.slot(i, run.day0());
            Instant start = slot.start().toInstant();
            raced.add(key(slot.staffId(), start));
            from = from == null || start.isBefore(from) ? start : from;
            to = to == null || start.isAfter(to) ? start : to;
        }
        Map<String, Integer> perSlot = new HashMap<>();
        try {
            for (JsonNode appointment : booking.listAll(BookingRequestBody.PATH + "?companyId=" + seed.companyId()
                    + "&from=" + from + "&to=" + to.plusSeconds(60))) {
                String key = key(appointment.path("staffId").asText(), Instant.parse(appointment.path("start").asText()));
                if (raced.contains(key) && !"cancelled".equals(appointment.path("status").asText())) {
                    perSlot.merge(key, 1, Integer::sum);
                }
            }
        } catch (IllegalStateException | DateTimeException e) { // the list API is not there, or answers another shape
            return new Outcome("Contention not read back: " + e.getMessage(), false);
        }
        long twice = perSlot.values().stream().filter(n -> n > 1).count();
        int held = perSlot.values().stream().mapToInt(Integer::intValue).sum();
        String readBack = twice > 0
                ? "DOUBLE BOOKING: " + twice + " raced slot(s) hold more than one appointment"
                : "no slot twice";
        String mismatch = held == counts.booked() ? "" : " (the run counted " + counts.booked() + " × 201)";
        return new Outcome("Contention read back through GET /v1/appointments: " + held + " appointments on "
                + perSlot.size() + " raced slots, " + readBack + mismatch + ".", twice > 0);
    }

    private static String key(String staffId, Instant start) {
        return staffId + "@" + start;
    }
}
