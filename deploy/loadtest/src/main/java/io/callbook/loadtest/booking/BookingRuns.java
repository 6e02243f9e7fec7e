package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.SimulationSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The booking bench's runs: each scenario takes numbers nobody used from the {@link BookingLedger}, gets a warm-up if
 * asked for, then a measured run; a contention run is read back for double bookings.
 */
final class BookingRuns {

    private final BookingOptions options;
    private final ApiClient booking;
    private final BookingSeed seed;
    private final BookingGrid grid;
    private final Path seedFile;
    private final Path ledgerFile;
    private final MeasuredRuns measured;
    private final PrintStream out;
    /** Today where the seeded branches are. */
    private final LocalDate today = LocalDate.now(BookingGrid.ZONE);
    /** Availability asks from tomorrow on: today's early slots are gone by the time the bench runs. */
    private final LocalDate week0 = today.plusDays(1);
    private final List<String> notes = new ArrayList<>();
    private BookingLedger ledger;
    private boolean doubleBooked;

    /** @param booking booking-service with a platform-admin token */
    BookingRuns(BookingOptions options, ApiClient booking, BookingSeed seed, Path seedFile, Path ledgerFile,
                MeasuredRuns measured, PrintStream out) {
        this.options = options;
        this.booking = booking;
        this.seed = seed;
        this.grid = new BookingGrid(seed);
        this.seedFile = seedFile;
        this.ledgerFile = ledgerFile;
        this.measured = measured;
        this.out = out;
        this.ledger = BookingLedger.load(ledgerFile, seed, today);
    }

    RunResult run(BookingScenario scenario) {
        Duration warmup = options.common().warmup();
        if (scenario == BookingScenario.CACHED) {
            warmHotSet();
        }
        if (!warmup.isZero()) {
            measured.warmUp(options.rate(scenario) + "/s " + scenario.label(), settings(scenario, warmup));
        }
        BookingLoadSettings settings = settings(scenario, options.common().duration());
        RunResult result = measured.measure(scenario.label(), scenario.cache(), settings);
        if (scenario == BookingScenario.CONTENTION) {
            readBackContention(result, settings);
        }
        return result;
    }

    /** What the runs found beyond the table: contention outcomes, numbers re-used. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    boolean doubleBooked() {
        return doubleBooked;
    }

    private void warmHotSet() {
        for (int i = 0; i < options.hotSet(); i++) {
            String path = grid.hot(i, week0).path();
            ApiClient.expect(booking.get(path), "GET " + path, 200);
        }
        out.printf("Availability cache warmed: %d combinations of the week from %s%n", options.hotSet(), week0);
    }

    private BookingLoadSettings settings(BookingScenario scenario, Duration duration) {
        int rate = options.rate(scenario);
        return switch (scenario) {
            case UNCACHED -> {
                BookingLedger.Taken taken = keep(ledger.takeCombos(SimulationSettings.expectedArrivals(rate, duration)));
                if (taken.block().first() + taken.block().count() > grid.freshCombos()) {
                    noteOnce("Uncached availability re-asked combinations of earlier runs (all " + grid.freshCombos()
                            + " were used): they are uncached only if the availability cache's TTL passed since.");
                }
                yield settings(scenario, rate, duration, week0, taken.block(), 1);
            }
            case CACHED -> settings(scenario, rate, duration, week0, new BookingLedger.Block(0, options.hotSet()), 1);
            case BOOK, BOOK_ANYONE ->
                    slots(scenario, rate, duration, SimulationSettings.expectedArrivals(rate, duration), 1);
            // a new set each second, and two spare sets for a run whose last arrivals come late
            case CONTENTION -> slots(scenario, rate, duration,
                    options.contentionSlots() * (duration.toSeconds() + 2), options.contentionSlots());
        };
    }

    private BookingLoadSettings slots(BookingScenario scenario, int rate, Duration duration, long count, int perSecond) {
        BookingLedger.Taken taken = keep(ledger.takeSlots(count, grid, today));
        if (taken.restarted()) {
            noteOnce("Slots were numbered afresh from day +" + BookingLedger.FIRST_BOOKING_DAY + " (earlier runs used up"
                    + " the booking window): slots booked by those runs answer 409.");
        }
        return settings(scenario, rate, duration, ledger.slotDay(), taken.block(), perSecond);
    }

    private BookingLoadSettings settings(BookingScenario scenario, int rate, Duration duration, LocalDate day0,
                                         BookingLedger.Block block, int perSecond) {
        return new BookingLoadSettings(options.common().url(), booking.token(), seedFile, scenario, rate, duration, day0,
                block.first(), block.count(), perSecond);
    }

    /** Written at once, so that a run that fails half-way does not hand its numbers to the next. */
    private BookingLedger.Taken keep(BookingLedger.Taken taken) {
        ledger = taken.ledger();
        ledger.write(ledgerFile);
        return taken;
    }

    private void readBackContention(RunResult result, BookingLoadSettings settings) {
        ContentionTally.Counts counts = ContentionTally.counts();
        notes.add(String.format(Locale.ROOT, "Contention: %d booked (201) and %d refused (409), %.1f bookings/s, while"
                        + " %d callers/s raced for %d new slots a second.", counts.booked(), counts.refused(),
                result.windowSeconds() > 0 ? counts.booked() / result.windowSeconds() : 0, settings.rate(),
                settings.slotsPerSecond()));
        ContentionCheck.Outcome check = ContentionCheck.check(booking, seed, grid, settings, counts);
        out.println(check.note());
        notes.add(check.note());
        doubleBooked |= check.doubleBooked();
    }

    private void noteOnce(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
            out.println(note);
        }
    }
}
