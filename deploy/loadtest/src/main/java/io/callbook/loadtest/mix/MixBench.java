package io.callbook.loadtest.mix;

import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.booking.BookingSeeder;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.BenchMain;
import io.callbook.loadtest.harness.BenchReport;
import io.callbook.loadtest.harness.BenchSession;
import io.callbook.loadtest.harness.BenchTarget;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.ExitStatus;
import io.callbook.loadtest.harness.GatlingReport;
import io.callbook.loadtest.harness.LatencyTarget;
import io.callbook.loadtest.harness.MeasuredProcesses;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.SuiteProcesses;
import io.callbook.loadtest.harness.WatchedProcess;
import io.callbook.loadtest.webhooks.InboxReadBack;
import io.callbook.loadtest.webhooks.VoiceCallsPlanner;
import io.callbook.loadtest.webhooks.VoiceSeeder;
import io.callbook.loadtest.webhooks.WebhookBench;
import io.callbook.loadtest.webhooks.WebhookSeeder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./callbook bench mix}: the whole day at once. Seeds the booking bench's catalog with a number per branch, a
 * tenant-admin key and a fresh voice integration, runs concurrent simulated calls and admin reads with Gatling in this
 * JVM, reads the call events and bookings back, measures every service's CPU and memory, checks the design's targets,
 * prints the tables, keeps the HTML report and appends to docs/benchmarks.md.
 */
public final class MixBench extends BenchMain<MixOptions> {

    public static final BenchTarget<MixOptions> TARGET = new BenchTarget<>("mix",
            "the whole day at once: concurrent simulated calls and admin reads through every service",
            MixOptions.USAGE, MixOptions::parse, MixBench::new);

    /** The predecessor's documented production load, suite-wide (DESIGN: performance targets). */
    public static final int TARGET_RATE = 1_200;

    MixBench(MixOptions options, Path repoRoot, PrintStream out) {
        super(options, repoRoot, out);
    }

    @Override
    public int run() {
        ResolverClient resolver = ResolverClient.anonymous(options.resolverUrl());
        ApiClient booking = ApiClient.anonymous(options.bookingUrl());
        ApiClient webhooks = ApiClient.anonymous(common.url());
        try (BenchSession session = startSession("mix", List.of(resolver, booking, webhooks))) {
            String token = session.adminToken(resolver);
            ResolverClient resolverAdmin = resolver.withToken(token);
            ApiClient bookingAdmin = booking.withToken(token);
            ApiClient webhooksAdmin = webhooks.withToken(token);
            VoiceSeeder voiceSeeder = new VoiceSeeder(new BookingSeeder(resolverAdmin, bookingAdmin, out), resolverAdmin, out);
            VoiceCallsPlanner planner = VoiceCallsPlanner.prepare(voiceSeeder, BookingSeedPlan.BENCH,
                    session.benchDir(), common.resultsDir(), options.bookShare(), out);
            TenantAdminKey tenantAdmin = TenantAdminKey.create(resolverAdmin, planner.companyId(),
                    "Loadtest mix " + common.resultsDir().getFileName());
            try {
                MixRuns runs = new MixRuns(options, planner, new WebhookSeeder(resolverAdmin, bookingAdmin, webhooksAdmin, out),
                        new InboxReadBack(webhooksAdmin), bookingAdmin, tenantAdmin.token(),
                        session.gatling(), suiteProcesses(), out);
                return summarize(session.report(), runs.run());
            } finally {
                revoke(tenantAdmin, resolverAdmin);
            }
        }
    }

    /** A key left behind is worth a line, not the run's result (or the error that ended it). */
    private void revoke(TenantAdminKey key, ResolverClient resolverAdmin) {
        try {
            key.revoke(resolverAdmin);
        } catch (IllegalStateException e) {
            out.println("The tenant-admin key " + key.keyId() + " is left: " + e.getMessage());
        }
    }

    /** The three services under test together (each also on its own), PostgreSQL, Redis and Kafka beside them. */
    private MeasuredProcesses suiteProcesses() {
        List<WatchedProcess> found = SuiteProcesses.find(repoRoot);
        List<WatchedProcess> services = found.stream().filter(WatchedProcess::perOperation).toList();
        out.println(services.isEmpty() ? "No service JVM found on this machine: CPU and RSS are n/a"
                : "Measured from /proc: " + found.stream().map(process -> process.name() + " (pid " + process.pid() + ")")
                        .collect(java.util.stream.Collectors.joining(", ")));
        return new MeasuredProcesses(services, found.stream().filter(process -> !process.perOperation()).toList());
    }

    int summarize(BenchReport report, MixResult result) {
        MixPace pace = options.pace();
        RunResult total = result.total();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Mix: %d concurrent calls (closed model: a new one starts when one ends),"
                        + " each call_started → inbound hook → check_availability (a second in %.0f %%) →"
                        + " book_appointment in %.0f %% (half of them for anyone free) → call_ended → call_analyzed,"
                        + " steps %s apart on average; %.1f"
                        + " tenant-admin reads/s beside them. Planned %.0f calls/s and %.0f requests/s suite-wide;"
                        + " achieved %.0f requests/s (%d calls completed).", pace.calls(),
                MixPace.SECOND_CHECK_SHARE * 100, pace.bookShare() * 100, DurationText.format(pace.thinkTime()),
                pace.adminRate(), pace.callsPerSecond(), pace.plannedRate(), total.achievedRate(), result.calls()));
        if (pace.thinkTime().compareTo(Duration.ofSeconds(1)) < 0) {
            notes.add("The think time is no conversation's: it makes the calls send the predecessor's documented rate."
                    + " Real talk (seconds a step) sends that rate with ten times the calls.");
        }
        boolean missed = false;
        for (RunResult step : result.steps()) {
            int target = MixStep.of(step.scenario()).p99TargetMs();
            if (target > 0) {
                missed |= new LatencyTarget(step.scenario(), target).check(result.steps(), notes);
            }
        }
        boolean rateMissed = total.achievedRate() < TARGET_RATE;
        notes.add(String.format(Locale.ROOT, "Target ≥ %d requests/s suite-wide: %s (%.0f/s).", TARGET_RATE,
                rateMissed ? "MISSED" : "met", total.achievedRate()));
        long errors = total.stats().ko();
        notes.add(errors == 0 ? "Target no errors: met."
                : "Target no errors: MISSED (" + errors + "; a voice function's spoken fallback counts as one).");
        notes.add(result.events().note());
        notes.add(String.format(Locale.ROOT, "Design target received → processed p99 ≤ %d ms: %s (reported; the mix"
                        + " judges lost and late events).", WebhookBench.PROCESSED_P99_MS,
                result.events().latency().p99() <= WebhookBench.PROCESSED_P99_MS ? "met" : "missed"));
        notes.add(result.bookings().note());
        notes.addAll(result.notes());
        if (total.report() != null) {
            List<String> gatlingErrors = GatlingReport.errors(total.report());
            if (!gatlingErrors.isEmpty()) {
                notes.add("Errors: " + String.join("; ", gatlingErrors.stream().limit(3).toList()) + ".");
            }
        }
        boolean flagged = total.isFlagged() || result.steps().stream().anyMatch(RunResult::isFlagged)
                || result.bookings().doubleBooked() || result.events().lost() > 0;
        if (flagged) {
            notes.add("FLAGGED: a step with more than " + (int) RunResult.MAX_ERROR_PERCENT + " % errors or no requests,"
                    + " less than " + Math.round(RunResult.MIN_RATE_SHARE * 100) + " % of the planned rate, a double"
                    + " booking or a lost call event.");
        }
        missed |= rateMissed || errors > 0 || result.events().late() > 0;
        String data = String.format(Locale.ROOT, "the booking bench's catalog (1 company, %d branches × %d staff, %d"
                        + " services, a number per branch), a fresh voice integration; %d calls, think time %s, %.0f %%"
                        + " book, %.1f admin reads/s", BookingSeedPlan.BENCH.branches(),
                BookingSeedPlan.BENCH.staffPerBranch(), BookingSeedPlan.BENCH.services(), pace.calls(),
                DurationText.format(pace.thinkTime()), pace.bookShare() * 100, pace.adminRate());
        report.publish("mix", data, MixTable.console(result), MixTable.markdown(result), notes);
        return flagged ? ExitStatus.FLAGGED : missed ? ExitStatus.TARGET_MISSED : ExitStatus.OK;
    }
}
