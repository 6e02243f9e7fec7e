package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.booking.BookingLedger;
import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.booking.BookingSeeder;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.BenchMain;
import io.callbook.loadtest.harness.BenchReport;
import io.callbook.loadtest.harness.BenchSession;
import io.callbook.loadtest.harness.BenchTarget;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.LatencyTarget;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.SuiteService;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code ./callbook bench webhooks}: seeds a company and integrations, sends signed provider webhooks with Gatling in
 * this JVM, reads the processing times back from the inbox, measures webhook-service's CPU and memory, checks the
 * design's targets, prints a table, keeps the HTML reports and appends to docs/benchmarks.md.
 */
public final class WebhookBench extends BenchMain<WebhookOptions> {

    public static final BenchTarget<WebhookOptions> TARGET = new BenchTarget<>("webhooks",
            "signed provider webhooks: acknowledged, then processed (webhook-service)",
            WebhookOptions.USAGE, WebhookOptions::parse, WebhookBench::new);

    /** The design's targets (DESIGN: performance targets). */
    public static final int ACKNOWLEDGE_P99_MS = 10;
    public static final int PROCESSED_P99_MS = 1_000;
    public static final int VOICE_P99_MS = 100;

    WebhookBench(WebhookOptions options, Path repoRoot, PrintStream out) {
        super(options, repoRoot, out);
    }

    @Override
    public int run() {
        ResolverClient resolver = ResolverClient.anonymous(options.resolverUrl());
        ApiClient webhooks = ApiClient.anonymous(common.url());
        ApiClient booking = ApiClient.anonymous(options.bookingUrl());
        // The calendar integration's binding is checked in booking-service, so every run needs it.
        List<ApiClient> services = List.of(resolver, booking, webhooks);
        try (BenchSession session = startSession("webhooks", services)) {
            String token = session.adminToken(resolver);
            ApiClient admin = webhooks.withToken(token);
            WebhookSeeder seeder = new WebhookSeeder(resolver.withToken(token), booking.withToken(token), admin, out);
            MeasuredRuns measured = session.measuredRuns(SuiteService.WEBHOOK);
            VoiceSeeder voiceSeeder = new VoiceSeeder(new BookingSeeder(resolver.withToken(token), booking.withToken(token), out),
                    resolver.withToken(token), out);
            Supplier<VoiceCallsPlanner> voice = () -> VoiceCallsPlanner.prepare(voiceSeeder, BookingSeedPlan.BENCH,
                    session.benchDir(), common.resultsDir(), options.voiceBookShare(), out);
            WebhookRuns runs = new WebhookRuns(options, seeder, seeder.ensureCompany(), new InboxReadBack(admin), measured,
                    voice, out);
            return session.keepingPartialResults("webhook", runs::rows, () -> {
                runs.runAll();
                return summarize(session.report(), runs);
            });
        }
    }

    private int summarize(BenchReport report, WebhookRuns runs) {
        List<RunResult> rows = runs.rows();
        List<String> notes = new ArrayList<>();
        WebhookMix mix = options.mix();
        notes.add(String.format(Locale.ROOT, "Scenarios: signed call events (each call's started, ended, analyzed; 202"
                + " expected), %.0f %% repeats of events already acknowledged (200 expected), %.0f %% Cal.com-style bookings"
                + " (202); a fresh voice and calendar integration per run; each run starts once the earlier runs' events"
                + " are processed. acknowledge: the POST as the provider sees it. processed: the same traffic, then"
                + " received_at → processed_at of every call event from GET /v1/webhooks/events (e2e row: ok = processed"
                + " within %s of the last arrival, err = not).", mix.repeatShare() * 100, mix.calendarShare() * 100, DurationText.format(options.settle())));
        if (options.scenarios().contains(WebhookScenario.VOICE)) {
            notes.add(String.format(Locale.ROOT, "voice: signed voice function calls through the real resolver-service"
                    + " and booking-service, a fresh voice integration per run in the booking bench's company (%d"
                    + " branches with a number each): check_availability of one of %d services by name for a day of"
                    + " the next %d (a few hundred combinations, so booking-service's availability cache soon answers"
                    + " most), %.0f %% book_appointment of a slot no run booked before (from day +%d; half of them"
                    + " name no staff member and take anyone free). ok = 200 with"
                    + " the function's data; the spoken fallback of a timed-out dependency, a refusal or a question"
                    + " back count as errors.", BookingSeedPlan.BENCH.branches(), BookingSeedPlan.BENCH.services(),
                    VoiceFunctionFeeder.DAYS_AHEAD, options.voiceBookShare() * 100, BookingLedger.FIRST_BOOKING_DAY));
        }
        boolean missed = false;
        if (options.scenarios().contains(WebhookScenario.ACKNOWLEDGE)) {
            for (int rate : options.ackRates()) {
                missed |= new LatencyTarget(WebhookRuns.ackLabel(rate), ACKNOWLEDGE_P99_MS).check(rows, notes);
            }
        }
        if (options.scenarios().contains(WebhookScenario.PROCESSED)) {
            missed |= new LatencyTarget(WebhookRuns.processedLabel(options.processedRate()), PROCESSED_P99_MS)
                    .check(rows, notes);
        }
        if (options.scenarios().contains(WebhookScenario.VOICE)) {
            missed |= new LatencyTarget(WebhookRuns.voiceLabel(options.voiceRate()), VOICE_P99_MS).check(rows, notes);
        }
        notes.addAll(runs.notes());
        String data = "1 company, a voice and a calendar integration per run"
                + (options.scenarios().contains(WebhookScenario.VOICE) ? "; voice: the booking bench's catalog" : "");
        return report.finish("webhooks", "webhook", data, rows, rows, notes, missed);
    }
}
