package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.BookingLedger;
import io.callbook.loadtest.harness.SettingsProperties;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a voice-function run calls, beyond its integration: the seeded branches and catalog, and for the bookings a
 * block of slots (numbered by {@link BookingGrid}) that no earlier run booked.
 *
 * @param seedFile  a {@link VoiceSeed}
 * @param bookShare the share of calls that book; the others check availability
 * @param slotDay0  the day slot 0 falls on
 * @param firstSlot the run's first slot
 * @param slotCount how many slots the run may book
 */
public record VoiceCalls(Path seedFile, double bookShare, LocalDate slotDay0, long firstSlot, long slotCount) {

    public VoiceCalls {
        if (bookShare < 0 || bookShare > 1 || slotCount < 1) {
            throw new IllegalArgumentException("A book share in 0..1 and at least one slot: " + bookShare + ", " + slotCount);
        }
    }

    /**
     * The slot of the run's n-th booking. Past the block (more bookings than planned) slots repeat: the taken-slot
     * answers then show the shortfall.
     */
    public long slot(long booking) {
        return firstSlot + Math.floorMod(booking, slotCount);
    }

    public void writeTo(SettingsProperties properties) {
        properties.put("voice-seed", seedFile)
                .put("book-share", bookShare)
                .put("slot-day0", slotDay0)
                .put("first-slot", firstSlot)
                .put("slot-count", slotCount);
    }

    /** By hand, a second run with bookings needs another {@code first-slot}, else its slots are taken. */
    public static VoiceCalls from(SettingsProperties properties) {
        LocalDate day0 = LocalDate.now(BookingGrid.ZONE).plusDays(BookingLedger.FIRST_BOOKING_DAY);
        return new VoiceCalls(
                Path.of(properties.get("voice-seed", "target/bench/voice-seed.json")),
                Double.parseDouble(properties.get("book-share", "0.1")),
                LocalDate.parse(properties.get("slot-day0", day0.toString())),
                Long.parseLong(properties.get("first-slot", "0")),
                Long.parseLong(properties.get("slot-count", "100000")));
    }
}
