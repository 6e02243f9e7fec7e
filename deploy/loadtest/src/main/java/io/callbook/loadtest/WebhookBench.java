package io.callbook.loadtest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./callbook bench webhooks}: seeds a company and integrations, sends signed provider webhooks with Gatling in
 * this JVM, reads the processing times back from the inbox, measures webhook-service's CPU and memory, checks the
 * design's targets, prints a table, keeps the HTML reports and appends to docs/benchmarks.md.
 */
final class WebhookBench {

    /** The design's targets (DESIGN: performance targets). */
    static final int ACKNOWLEDGE_P99_MS = 10;
    static final int PROCESSED_P99_MS = 1_000;

    private final WebhookOptions options;
    private final CommonOptions common;
    private final Path repoRoot;
    private final PrintStream out;

    WebhookBench(WebhookOptions options, Path repoRoot, PrintStream out) {
        this.options = options;
        this.common = options.common();
        this.repoRoot = repoRoot;
        this.out = out;
    }

    int run() {
        BenchReport report = new BenchReport(repoRoot, common, out);
        report.printHeader("webhooks");
        ResolverClient resolver = ResolverClient.anonymous(options.resolverUrl());
        ApiClient webhooks = ApiClient.anonymous(common.url());
        try (LocalSuiteLauncher suite = LocalSuiteLauncher.ensureRunning(repoRoot, List.of(resolver, webhooks),
                options.targetsLocalSuite(), common.startTimeout(), common.resultsDir().resolve("local-suite.log"), out)) {
            String token = AdminToken.obtain(resolver, common.token(), AdminToken.bootstrapKey(repoRoot, common.token()), out);
            ApiClient admin = webhooks.withToken(token);
            WebhookSeeder seeder = new WebhookSeeder(resolver.withToken(token), admin, out);
            MeasuredRuns measured = MeasuredRuns.of(new GatlingRunner(common.resultsDir()), "webhook-service",
                    common.port(), out);
            WebhookRuns runs = new WebhookRuns(options, seeder, seeder.ensureCompany(), new InboxReadBack(admin), measured, out);
            try {
                runs.runAll();
                return summarize(report, runs);
            } catch (RuntimeException e) {
                if (runs.rows().isEmpty()) {
                    throw e;
                }
                report.printPartial(e.getMessage(), runs.rows(), "webhook");
                return Bench.EXIT_FAILED;
            }
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
        notes.addAll(runs.notes());
        String data = "1 company, a voice and a calendar integration per run";
        return report.finish("webhooks", "webhook", data, rows, rows, notes, missed);
    }
}
