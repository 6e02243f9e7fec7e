package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.ResponseStats;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.RunUsage;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The webhook bench's runs: each gets integrations of its own, an optional warm-up, and starts only once the events
 * of earlier runs are processed, so that no run measures another's backlog. A processed run adds a second row,
 * received → processed, read back from the inbox. A voice run's integrations belong to the seeded catalog's company,
 * which owns the numbers its calls dial.
 */
public final class WebhookRuns {

    /** The longest the bench waits for earlier runs' events before it measures anyway (and says so). */
    public static final Duration QUIET_TIMEOUT = Duration.ofMinutes(2);

    private final WebhookOptions options;
    private final WebhookSeeder seeder;
    private final String companyId;
    private final InboxReadBack inbox;
    private final MeasuredRuns measured;
    private final Supplier<VoiceCallsPlanner> voiceSetup;
    private final PrintStream out;
    private final List<RunResult> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /**
     * Integrations of earlier runs whose events may not all be processed yet. Calendar events count too: each is
     * processed alone and calls booking-service, so a backlog of them loaded the next run (and the next bench).
     */
    private final List<String> unsettled = new ArrayList<>();
    private final VoiceReadiness voiceReadiness = new VoiceReadiness();
    private VoiceCallsPlanner voice;

    /** @param voiceSetup seeds what voice runs call; asked only when one runs, since it needs booking-service */
    WebhookRuns(WebhookOptions options, WebhookSeeder seeder, String companyId, InboxReadBack inbox, MeasuredRuns measured,
                Supplier<VoiceCallsPlanner> voiceSetup, PrintStream out) {
        this.options = options;
        this.seeder = seeder;
        this.companyId = companyId;
        this.inbox = inbox;
        this.measured = measured;
        this.voiceSetup = voiceSetup;
        this.out = out;
    }

    static String ackLabel(int rate) {
        return WebhookScenario.ACKNOWLEDGE.option() + " " + rate + "/s";
    }

    static String processedAckLabel(int rate) {
        return WebhookScenario.PROCESSED.option() + " " + rate + "/s ack";
    }

    static String processedLabel(int rate) {
        return WebhookScenario.PROCESSED.option() + " " + rate + "/s e2e";
    }

    static String voiceLabel(int rate) {
        return WebhookScenario.VOICE.option() + " " + rate + "/s";
    }

    void runAll() {
        for (WebhookScenario scenario : options.scenarios()) {
            switch (scenario) {
                case ACKNOWLEDGE -> options.ackRates().forEach(this::acknowledge);
                case PROCESSED -> processed(options.processedRate());
                case VOICE -> voice(options.voiceRate());
            }
        }
    }

    /** @return the Gatling row of the run */
    RunResult acknowledge(int rate) {
        return measure(WebhookScenario.ACKNOWLEDGE, rate, ackLabel(rate)).result();
    }

    /** @return the received → processed row */
    RunResult processed(int rate) {
        Measured run = measure(WebhookScenario.PROCESSED, rate, processedAckLabel(rate));
        out.printf("Waiting up to %s for the run's events to be processed ...%n", DurationText.format(options.settle()));
        inbox.awaitSettled(run.integrations().voiceId(), options.settle());
        // processing goes on after the last acknowledgement: its CPU counts until the events are done (before the
        // read-back below, which costs webhook-service CPU of its own)
        RunUsage untilProcessed = measured.usageSinceLastRunStarted();
        InboxReadBack.Events voice = inbox.events(run.integrations().voiceId());
        ProcessingLatency.Outcome latency = ProcessingLatency.of(voice.times(), options.settle());
        RunResult row = new RunResult(processedLabel(rate), "", 0, 0, latency.stats(), run.result().windowSeconds(),
                untilProcessed, null);
        rows.add(row);
        ResponseStats stats = latency.stats();
        note(String.format(Locale.ROOT, "Processed %d/s: %d call events, received → processed p50 %d, p95 %d, p99 %d,"
                        + " max %d ms; %d not processed within %s of the last arrival (statuses when read back: %s).",
                rate, stats.total(), stats.p50(), stats.p95(), stats.p99(), stats.max(), stats.ko(),
                DurationText.format(options.settle()), voice.statuses()));
        note("Calendar bookings of the processed run are left out of received → processed: their integration names a"
                + " service nobody performs, so booking-service refuses each once and it ends dead (statuses "
                + inbox.events(run.integrations().calendarId()).statuses() + ").");
        return row;
    }

    /** @return the Gatling row of the run: both functions, latency as the agent waits for it */
    RunResult voice(int rate) {
        return measure(WebhookScenario.VOICE, rate, voiceLabel(rate)).result();
    }

    List<RunResult> rows() {
        return List.copyOf(rows);
    }

    /** What the runs found beyond the table. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private Measured measure(WebhookScenario scenario, int rate, String label) {
        Duration warmup = options.common().warmup();
        String company = scenario == WebhookScenario.VOICE ? voice().companyId() : companyId;
        if (!warmup.isZero()) {
            WebhookIntegrations integrations = seeder.integrations(company, label + " warm-up");
            measured.warmUp(rate + " webhooks/s", settings(scenario, rate, warmup, integrations, label + " warm-up"));
            unsettled.addAll(List.of(integrations.voiceId(), integrations.calendarId()));
        }
        awaitQuiet(label);
        WebhookIntegrations integrations = seeder.integrations(company, label);
        if (scenario == WebhookScenario.VOICE) {
            awaitVoiceReady(label, integrations);
        }
        RunResult result = measured.measure(label, "", settings(scenario, rate, options.common().duration(), integrations, label));
        rows.add(result);
        unsettled.addAll(List.of(integrations.voiceId(), integrations.calendarId()));
        return new Measured(result, integrations);
    }

    private WebhookLoadSettings settings(WebhookScenario scenario, int rate, Duration duration,
                                         WebhookIntegrations integrations, String label) {
        VoiceCalls calls = scenario == WebhookScenario.VOICE ? voice().calls(rate, duration) : null;
        return new WebhookLoadSettings(options.common().url(), scenario, rate, duration, runId(label), integrations,
                options.mix(), calls);
    }

    private String runId(String label) {
        return options.common().resultsDir().getFileName() + "-" + label.replaceAll("[^a-z0-9]+", "-");
    }

    /** Probes with the run's integration and slots of its own, so the run's calls are untouched. */
    private void awaitVoiceReady(String label, WebhookIntegrations integrations) {
        out.println("Waiting for real answers of every voice function ...");
        WebhookLoadSettings probe = WebhookLoadSettings.voiceProbe(options.common().url(), runId(label + " probe"),
                integrations, voice().probeCalls());
        voiceReadiness.await(probe).ifPresent(answer -> note("Run " + label + " started while a voice function still"
                + " did not give its real answer (" + answer + ")."));
    }

    private VoiceCallsPlanner voice() {
        if (voice == null) {
            voice = voiceSetup.get();
        }
        return voice;
    }

    /** Earlier runs' events are processed while the next run is measured otherwise, and it measures their backlog. */
    private void awaitQuiet(String label) {
        for (String integration : List.copyOf(unsettled)) {
            if (!inbox.awaitSettled(integration, QUIET_TIMEOUT)) {
                note("Run " + label + " started while events of an earlier run were still waiting to be processed"
                        + " (after " + DurationText.format(QUIET_TIMEOUT) + ").");
            }
            unsettled.remove(integration);
        }
    }

    private void note(String note) {
        notes.add(note);
        out.println(note);
    }

    private record Measured(RunResult result, WebhookIntegrations integrations) {
    }
}
