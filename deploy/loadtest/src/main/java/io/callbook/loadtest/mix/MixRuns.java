package io.callbook.loadtest.mix;

import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.GatlingReport;
import io.callbook.loadtest.harness.GatlingRunner;
import io.callbook.loadtest.harness.MeasuredProcesses;
import io.callbook.loadtest.harness.MeasuredWindow;
import io.callbook.loadtest.harness.ResponseStats;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.RunUsage;
import io.callbook.loadtest.webhooks.InboxReadBack;
import io.callbook.loadtest.webhooks.VoiceCalls;
import io.callbook.loadtest.webhooks.VoiceCallsPlanner;
import io.callbook.loadtest.webhooks.VoiceReadiness;
import io.callbook.loadtest.webhooks.WebhookIntegrations;
import io.callbook.loadtest.webhooks.WebhookLoadSettings;
import io.callbook.loadtest.webhooks.WebhookRuns;
import io.callbook.loadtest.webhooks.WebhookSeeder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mix's runs: an unmeasured warm-up of the same load, whose events are left to be processed before the measured
 * run starts (else it would measure their backlog), then the measured run; each with a fresh voice integration of the
 * seeded company, once every voice function gives its real answer. Afterwards the read-backs: every call event stored
 * and processed, no booked slot holding two appointments.
 */
final class MixRuns {

    static final String TOTAL_LABEL = "suite-wide";
    private static final ResponseStats NONE = new ResponseStats(0, 0, 0, 0, 0, 0, 0, 0);

    private final MixOptions options;
    private final VoiceCallsPlanner planner;
    private final WebhookSeeder seeder;
    private final InboxReadBack inbox;
    private final ApiClient booking;
    private final String tenantToken;
    private final GatlingRunner gatling;
    private final MeasuredProcesses processes;
    private final PrintStream out;
    private final VoiceReadiness voiceReadiness = new VoiceReadiness();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param booking     booking-service with a platform-admin token, for the read-back of bookings
     * @param tenantToken a tenant-admin token of the planner's company, for the admin reads
     * @param processes   the services whose CPU and memory the run measures, and the infrastructure beside them
     */
    MixRuns(MixOptions options, VoiceCallsPlanner planner, WebhookSeeder seeder, InboxReadBack inbox, ApiClient booking,
            String tenantToken, GatlingRunner gatling, MeasuredProcesses processes, PrintStream out) {
        this.options = options;
        this.planner = planner;
        this.seeder = seeder;
        this.inbox = inbox;
        this.booking = booking;
        this.tenantToken = tenantToken;
        this.gatling = gatling;
        this.processes = processes;
        this.out = out;
    }

    MixResult run() {
        MixPace pace = options.pace();
        out.printf(Locale.ROOT, "Planned: %d calls in flight, %.1f requests each over %s (a step every %s on average):"
                        + " %.0f calls/s, %.0f requests/s suite-wide with %.1f admin reads/s%n", pace.calls(),
                pace.requestsPerCall(), DurationText.format(pace.meanCallLength()), DurationText.format(pace.thinkTime()),
                pace.callsPerSecond(), pace.plannedRate(), pace.adminRate());
        Duration warmup = options.common().warmup();
        if (!warmup.isZero()) {
            warmUp(warmup);
        }
        WebhookIntegrations integrations = seeder.integrations(planner.companyId(), "mix");
        awaitVoiceReady("mix", integrations);
        MixLoadSettings settings = settings("mix", integrations, options.common().duration());
        MeasuredWindow window = new MeasuredWindow(processes);
        out.printf("%n=== mix: %d calls for %s ===%n", pace.calls(), DurationText.format(options.common().duration()));
        Path report = gatling.run("mix", settings, true, window);
        return readBack(pace, settings, integrations, report, window);
    }

    private void warmUp(Duration warmup) {
        WebhookIntegrations integrations = seeder.integrations(planner.companyId(), "mix warm-up");
        awaitVoiceReady("mix warm-up", integrations);
        out.printf("%n--- warm-up: the same calls for %s (not measured) ---%n", DurationText.format(warmup));
        gatling.run("warmup", settings("mix warm-up", integrations, warmup), false, null);
        out.println("Waiting for the warm-up's call events to be processed ...");
        if (!inbox.awaitSettled(integrations.voiceId(), WebhookRuns.QUIET_TIMEOUT)) {
            note("The run started while call events of the warm-up were still waiting to be processed (after "
                    + DurationText.format(WebhookRuns.QUIET_TIMEOUT) + ").");
        }
    }

    /** The run's slots are written off in the ledger at once; they cover the ramp and the last calls' ends too. */
    private MixLoadSettings settings(String label, WebhookIntegrations integrations, Duration duration) {
        MixPace pace = options.pace();
        VoiceCalls calls = planner.calls((int) Math.ceil(pace.callsPerSecond()),
                duration.plus(pace.meanCallLength().multipliedBy(2)));
        return new MixLoadSettings(options.common().url(), options.bookingUrl(), runId(label), pace.calls(),
                pace.thinkTime(), pace.adminRate(), duration, integrations.voiceId(), integrations.voiceSecret(),
                tenantToken, calls);
    }

    private String runId(String label) {
        return options.common().resultsDir().getFileName() + "-" + label.replaceAll("[^a-z0-9]+", "-");
    }

    /** Probes with the run's integration and slots of its own, so the run's calls are untouched. */
    private void awaitVoiceReady(String label, WebhookIntegrations integrations) {
        out.println("Waiting for real answers of every voice function ...");
        WebhookLoadSettings probe = WebhookLoadSettings.voiceProbe(options.common().url(), runId(label + " probe"),
                integrations, planner.probeCalls());
        voiceReadiness.await(probe).ifPresent(answer -> note("The " + label + " started while a voice function still"
                + " did not give its real answer (" + answer + ")."));
    }

    private MixResult readBack(MixPace pace, MixLoadSettings settings, WebhookIntegrations integrations, Path report,
                               MeasuredWindow window) {
        Map<String, ResponseStats> requests = GatlingReport.requests(report);
        List<RunResult> steps = new ArrayList<>();
        for (MixStep step : MixStep.values()) {
            if (step.isPlanned(pace)) {
                steps.add(new RunResult(step.label(), "", 0, 0, requests.getOrDefault(step.label(), NONE),
                        window.seconds(), RunUsage.UNKNOWN, null));
            }
        }
        RunResult total = new RunResult(TOTAL_LABEL, "", (int) Math.round(pace.plannedRate()), pace.calls(),
                GatlingReport.read(report), window.seconds(), window.usage(), report);
        out.printf(Locale.ROOT, "=== mix done: %.0f requests/s suite-wide, p99 %d ms, errors %.2f %% — %s ===%n",
                total.achievedRate(), total.stats().p99(), total.stats().errorPercent(), report.resolve("index.html"));
        GatlingReport.errors(report).stream().limit(3).forEach(error -> out.println("    error: " + error));

        Map<String, Long> acknowledged = new LinkedHashMap<>();
        for (MixStep step : MixStep.values()) {
            if (step.isCallEvent()) {
                acknowledged.put(step.event(), requests.getOrDefault(step.label(), NONE).ok());
            }
        }
        out.printf("Waiting up to %s for the run's call events to be processed ...%n",
                DurationText.format(options.settle()));
        inbox.awaitSettled(integrations.voiceId(), options.settle());
        CallEventsCheck.Outcome events = CallEventsCheck.of(inbox.events(integrations.voiceId()), acknowledged,
                options.settle());
        out.println(events.note());

        long booked = requests.getOrDefault(MixStep.BOOK_APPOINTMENT.label(), NONE).ok();
        BookedSlotsCheck.Outcome bookings = BookedSlotsCheck.check(booking, planner.companyId(), planner.grid(),
                settings.voice(), booked);
        out.println(bookings.note());

        long calls = requests.getOrDefault(MixStep.CALL_ANALYZED.label(), NONE).total();
        return new MixResult(steps, total, calls, events, bookings, List.copyOf(notes));
    }

    private void note(String note) {
        notes.add(note);
        out.println(note);
    }
}
