package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.JsonFiles;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which availability combinations and slots earlier runs used, kept next to the seed, so that every run gets numbers
 * (see {@link BookingGrid}) nobody asked for before: uncached availability must not hit an answer cached by an
 * earlier run, and a booking must not find its slot taken by one.
 *
 * @param companyId the seeded company the numbers belong to; another company starts a fresh ledger
 * @param nextCombo the next fresh availability combination
 * @param slotDay0  ISO date that slot 0 falls on
 * @param nextSlot  the next slot counted from slotDay0
 */
public record BookingLedger(String companyId, long nextCombo, String slotDay0, long nextSlot) {

    /** Slots start this far ahead, clear of the weeks of the first availability runs. */
    public static final int FIRST_BOOKING_DAY = 400;
    /** Stays inside the services' 730-day booking window with room for a run that goes on past midnight. */
    static final int LAST_BOOKING_DAY = 720;

    /** A range of numbers for one run. */
    public record Block(long first, long count) {
    }

    /** The ledger of the seeded company, or a fresh one. */
    public static BookingLedger load(Path file, BookingSeed seed, LocalDate today) {
        Optional<BookingLedger> saved = JsonFiles.readIfPresent(file, BookingLedger.class);
        return saved.filter(ledger -> ledger.companyId().equals(seed.companyId()))
                .orElse(new BookingLedger(seed.companyId(), 0, today.plusDays(FIRST_BOOKING_DAY).toString(), 0));
    }

    public LocalDate slotDay() {
        return LocalDate.parse(slotDay0);
    }

    /** The next {@code count} fresh availability combinations; the ledger to keep. */
    Taken takeCombos(long count) {
        return new Taken(new Block(nextCombo, count), new BookingLedger(companyId, nextCombo + count, slotDay0, nextSlot), false);
    }

    /**
     * The next {@code count} slots, rounded up to whole starts. When they would lie in the past or beyond the booking
     * window, numbering starts again at {@link #FIRST_BOOKING_DAY} from today, and {@link Taken#restarted()} says that
     * earlier runs may have booked some of them.
     */
    public Taken takeSlots(long count, BookingGrid grid, LocalDate today) {
        // Whole starts, so that all slots at one start belong to one run (see BookingGrid#namesStaff).
        long perStart = grid.slotsPerStart();
        long wholeStarts = Math.ceilDiv(count, perStart) * perStart;
        long firstSlot = Math.ceilDiv(nextSlot, perStart) * perStart;
        LocalDate first = grid.dayOf(firstSlot, slotDay());
        LocalDate last = grid.dayOf(firstSlot + wholeStarts - 1, slotDay());
        if (!first.isAfter(today) || last.isAfter(today.plusDays(LAST_BOOKING_DAY))) {
            BookingLedger restarted = new BookingLedger(companyId, nextCombo, today.plusDays(FIRST_BOOKING_DAY).toString(), 0);
            return new Taken(new Block(0, wholeStarts), restarted.withNextSlot(wholeStarts), true);
        }
        return new Taken(new Block(firstSlot, wholeStarts), withNextSlot(firstSlot + wholeStarts), false);
    }

    public void write(Path file) {
        JsonFiles.write(file, this);
    }

    private BookingLedger withNextSlot(long next) {
        return new BookingLedger(companyId, nextCombo, slotDay0, next);
    }

    /** @param restarted slots were numbered afresh: some may be booked already */
    public record Taken(Block block, BookingLedger ledger, boolean restarted) {
    }
}
