package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.BookingLedger;
import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.harness.SimulationSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Plans the voice-function runs of the webhook bench: which seeded company their integrations belong to, and for
 * each run a block of slots from the {@link BookingLedger} the booking bench keeps for the same catalog, so that a
 * voice booking never finds its slot taken by an earlier run of either bench.
 */
public final class VoiceCallsPlanner {

    private final VoiceSeed seed;
    private final Path seedFile;
    private final Path ledgerFile;
    private final double bookShare;
    private final BookingGrid grid;
    private final PrintStream out;

    /**
     * Seeds (or finds) the catalog and numbers, and keeps a copy of the seed next to the run's reports.
     *
     * @param benchDir where the booking bench keeps its seed and ledger
     */
    public static VoiceCallsPlanner prepare(VoiceSeeder seeder, BookingSeedPlan plan, Path benchDir, Path resultsDir,
                                     double bookShare, PrintStream out) {
        VoiceSeed seed = seeder.ensure(plan, benchDir.resolve("booking-seed.json"));
        Path seedFile = resultsDir.resolve("voice-seed.json");
        seed.write(seedFile);
        return new VoiceCallsPlanner(seed, seedFile, benchDir.resolve("booking-ledger.json"), bookShare, out);
    }

    VoiceCallsPlanner(VoiceSeed seed, Path seedFile, Path ledgerFile, double bookShare, PrintStream out) {
        this.seed = seed;
        this.seedFile = seedFile;
        this.ledgerFile = ledgerFile;
        this.bookShare = bookShare;
        this.grid = new BookingGrid(seed.catalog());
        this.out = out;
    }

    public String companyId() {
        return seed.companyId();
    }

    /** How the slots of {@link #calls} are numbered. */
    public BookingGrid grid() {
        return grid;
    }

    /** The calls of one run; its slots are written off in the ledger at once, so a failed run does not hand them on. */
    public VoiceCalls calls(int rate, Duration duration) {
        return withSlots(SimulationSettings.expectedArrivals(rate * bookShare, duration));
    }

    /** The calls of a {@link VoiceReadiness} probe, which books one slot per attempt. */
    public VoiceCalls probeCalls() {
        return withSlots(VoiceReadiness.MAX_ATTEMPTS);
    }

    private VoiceCalls withSlots(long bookings) {
        LocalDate today = LocalDate.now(BookingGrid.ZONE);
        BookingLedger.Taken taken = BookingLedger.load(ledgerFile, seed.catalog(), today).takeSlots(bookings, grid, today);
        taken.ledger().write(ledgerFile);
        if (taken.restarted()) {
            out.println("Voice bookings: slots numbered afresh from day +" + BookingLedger.FIRST_BOOKING_DAY
                    + " (earlier runs used up the booking window): some may be taken.");
        }
        return new VoiceCalls(seedFile, bookShare, taken.ledger().slotDay(), taken.block().first(), taken.block().count());
    }
}
