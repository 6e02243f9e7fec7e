package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.BenchMain;
import io.callbook.loadtest.harness.BenchReport;
import io.callbook.loadtest.harness.BenchSession;
import io.callbook.loadtest.harness.BenchTarget;
import io.callbook.loadtest.harness.ExitStatus;
import io.callbook.loadtest.harness.LatencyTarget;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.SuiteService;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./callbook bench booking}: seeds a catalog, runs the availability and booking scenarios with Gatling in this
 * JVM, measures booking-service's CPU and memory, checks the design's latency targets, prints a table, keeps the HTML
 * reports and appends to docs/benchmarks.md.
 */
public final class BookingBench extends BenchMain<BookingOptions> {

    public static final BenchTarget<BookingOptions> TARGET = new BenchTarget<>("booking",
            "availability and booking (booking-service)", BookingOptions.USAGE, BookingOptions::parse, BookingBench::new);

    /** The design's targets (docs: DESIGN, performance targets). */
    static final int UNCACHED_P99_MS = 25;
    static final int CACHED_P99_MS = 5;
    static final int BOOK_P99_MS = 30;

    BookingBench(BookingOptions options, Path repoRoot, PrintStream out) {
        super(options, repoRoot, out);
    }

    @Override
    public int run() {
        ResolverClient resolver = ResolverClient.anonymous(options.resolverUrl());
        ApiClient booking = ApiClient.anonymous(common.url());
        try (BenchSession session = startSession("booking", List.of(resolver, booking))) {
            String token = session.adminToken(resolver);
            ApiClient admin = booking.withToken(token);
            Path benchDir = session.benchDir();
            BookingSeed seed = new BookingSeeder(resolver.withToken(token), admin, out)
                    .ensure(BookingSeedPlan.BENCH, benchDir.resolve("booking-seed.json"));
            Path seedFile = common.resultsDir().resolve("booking-seed.json");
            seed.write(seedFile); // the runs read this copy, so the folder shows exactly what was asked for
            MeasuredRuns measured = session.measuredRuns(SuiteService.BOOKING);
            BookingRuns runs = new BookingRuns(options, admin, seed, seedFile, benchDir.resolve("booking-ledger.json"),
                    measured, out);
            return session.keepingPartialResults("booking", measured::results, () -> {
                options.scenarios().forEach(runs::run);
                return summarize(session.report(), measured.results(), runs);
            });
        }
    }

    private int summarize(BenchReport report, List<RunResult> results, BookingRuns runs) {
        List<String> notes = new ArrayList<>();
        notes.add("Scenarios: availability uncached asks each time for a (branch, service, week) no run asked before;"
                + " cached asks " + options.hotSet() + " combinations over and over after warming them; book spread books"
                + " a free slot each time (201), book anyone the same without naming the staff member (201); book"
                + " contention: " + options.contentionRate() + " callers/s race for "
                + options.contentionSlots() + " new slots a second, the first gets 201 and the others 409, both correct"
                + " answers (errors are anything else).");
        boolean missed = new LatencyTarget(BookingScenario.UNCACHED.label(), UNCACHED_P99_MS).check(results, notes);
        missed |= new LatencyTarget(BookingScenario.CACHED.label(), CACHED_P99_MS).check(results, notes);
        missed |= new LatencyTarget(BookingScenario.BOOK.label(), BOOK_P99_MS).check(results, notes);
        missed |= new LatencyTarget(BookingScenario.BOOK_ANYONE.label(), BOOK_P99_MS).check(results, notes);
        notes.addAll(runs.notes());
        String data = "1 company, " + BookingSeedPlan.BENCH.branches() + " branches × " + BookingSeedPlan.BENCH.staffPerBranch()
                + " staff, " + BookingSeedPlan.BENCH.services() + " services of " + BookingGrid.SLOT_MINUTES + " min";
        int status = report.finish("booking", "booking", data, results, results, notes, missed);
        return runs.doubleBooked() ? ExitStatus.FLAGGED : status;
    }
}
