package io.callbook.loadtest.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.harness.ApiClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a run's block of slots (numbered by {@link BookingGrid}) holds when read back through
 * {@code GET /v1/appointments}: the live appointments on each slot, so that a bench can tell that none holds two.
 */
public final class SlotReadBack {

    /**
     * @param appointments live appointments on the block's slots
     * @param slots        slots holding at least one
     * @param doubleBooked slots holding more than one
     */
    public record Held(int appointments, int slots, long doubleBooked) {
    }

    private SlotReadBack() {
    }

    /**
     * @throws IllegalStateException when the list API answers otherwise than 200
     * @throws java.time.DateTimeException when it answers another shape
     */
    public static Held of(ApiClient booking, String companyId, BookingGrid grid, LocalDate day0, long first, long count) {
        Set<String> block = new HashSet<>();
        Instant from = null;
        Instant to = null;
        for (long i = first; i < first + count; i++) {
            BookingGrid.Slot slot = grid.slot(i, day0);
            Instant start = slot.start().toInstant();
            block.add(key(slot.staffId(), start));
            from = from == null || start.isBefore(from) ? start : from;
            to = to == null || start.isAfter(to) ? start : to;
        }
        Map<String, Integer> perSlot = new HashMap<>();
        for (JsonNode appointment : booking.listAll(BookingRequestBody.PATH + "?companyId=" + companyId
                + "&from=" + from + "&to=" + to.plusSeconds(60))) {
            String key = key(appointment.path("staffId").asText(), Instant.parse(appointment.path("start").asText()));
            if (block.contains(key) && !"cancelled".equals(appointment.path("status").asText())) {
                perSlot.merge(key, 1, Integer::sum);
            }
        }
        return new Held(perSlot.values().stream().mapToInt(Integer::intValue).sum(), perSlot.size(),
                perSlot.values().stream().filter(n -> n > 1).count());
    }

    private static String key(String staffId, Instant start) {
        return staffId + "@" + start;
    }
}
