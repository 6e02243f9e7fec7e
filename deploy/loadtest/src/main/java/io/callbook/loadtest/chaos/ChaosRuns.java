package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.GatlingRunner;
import io.callbook.loadtest.harness.Pause;
import io.callbook.loadtest.harness.RequestTimeline;
import io.callbook.loadtest.harness.RunWindow;
import io.callbook.loadtest.mix.BookedSlotsCheck;
import io.callbook.loadtest.mix.MixLoadSettings;
import io.callbook.loadtest.mix.MixPace;
import io.callbook.loadtest.mix.MixSimulation;
import io.callbook.loadtest.webhooks.VoiceCalls;
import io.callbook.loadtest.webhooks.VoiceCallsPlanner;
import io.callbook.loadtest.webhooks.VoiceReadiness;
import io.callbook.loadtest.webhooks.WebhookIntegrations;
import io.callbook.loadtest.webhooks.WebhookLoadSettings;
import io.callbook.loadtest.webhooks.WebhookSeeder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * One chaos run: a fresh voice integration, the mix's calls until the faults are done (a thread of its own injects
 * them once the load has started, with --gap of calm before and after each), then the read-backs.
 */
final class ChaosRuns {

    /** A cold JVM on a busy 2-core machine takes minutes to answer as before. */
    static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);

    private final ChaosOptions options;
    private final VoiceCallsPlanner planner;
    private final WebhookSeeder seeder;
    private final ApiClient booking;
    private final String tenantToken;
    private final FaultInjector injector;
    private final SuiteLedger ledger;
    private final GatlingRunner gatling;
    private final PrintStream out;

    /**
     * @param booking     booking-service with a platform-admin token, for the read-back of booked slots
     * @param tenantToken a tenant-admin token of the planner's company, for the admin reads
     */
    ChaosRuns(ChaosOptions options, VoiceCallsPlanner planner, WebhookSeeder seeder, ApiClient booking,
              String tenantToken, FaultInjector injector, SuiteLedger ledger, GatlingRunner gatling, PrintStream out) {
        this.options = options;
        this.planner = planner;
        this.seeder = seeder;
        this.booking = booking;
        this.tenantToken = tenantToken;
        this.injector = injector;
        this.ledger = ledger;
        this.gatling = gatling;
        this.out = out;
    }

    ChaosResult run() {
        injector.check(options.faults());
        WebhookIntegrations integrations = seeder.integrations(planner.companyId(), "chaos");
        awaitVoiceReady(integrations);
        MixLoadSettings settings = settings(integrations);
        RequestTimeline timeline = RequestTimeline.open();
        List<FaultInjector.Injected> injected = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> faults = new CompletableFuture<>();
        long[] window = new long[2];
        MixPace pace = options.pace();
        out.printf(Locale.ROOT, "%n=== chaos: %d calls (%.0f requests/s planned) for about %s: %s, %s of calm before"
                        + " and after each ===%n", pace.calls(), pace.plannedRate(),
                DurationText.format(options.plannedLoad()),
                options.faults().stream().map(Fault::option).collect(Collectors.joining(", ")),
                DurationText.format(options.gap()));
        RunWindow.Listener listener = new RunWindow.Listener() {
            @Override
            public void opened() {
                window[0] = System.nanoTime();
                Thread thread = new Thread(() -> injectAll(injected, faults, timeline), "chaos-faults");
                thread.setDaemon(true);
                thread.start();
            }

            @Override
            public void closed() {
                window[1] = System.nanoTime();
            }
        };
        Path report;
        try {
            report = gatling.run("chaos", new ChaosLoadSettings(settings), true, listener);
        } finally {
            timeline.close();
        }
        String failure = null;
        try {
            faults.join();
        } catch (CompletionException e) {
            failure = e.getCause().getMessage();
            out.println("A fault could not be done: " + failure);
        }
        List<RequestTimeline.Request> requests = timeline.requests();
        out.printf("=== chaos load done: %d requests, %d failed ===%n", requests.size(),
                requests.stream().filter(r -> !r.ok()).count());
        ChaosReadBack.Outcome readBack = new ChaosReadBack(ledger, out).check(requests, integrations.voiceId(),
                options.settle());
        long booked = requests.stream()
                .filter(r -> r.ok() && r.key() != null && r.name().equals(MixSimulation.BOOK_LABEL)).count();
        BookedSlotsCheck.Outcome slots = BookedSlotsCheck.check(booking, planner.companyId(), planner.grid(),
                settings.voice(), booked);
        out.println(slots.note());
        List<FaultWindows.Row> rows = FaultWindows.rows(requests, injected, window[0],
                window[1] == 0 ? System.nanoTime() : window[1], readBack.fates());
        return new ChaosResult(rows, List.copyOf(injected), failure, readBack, slots, report);
    }

    /** On its own thread while the load runs; the load ends when this does, however it ends. */
    private void injectAll(List<FaultInjector.Injected> injected, CompletableFuture<Void> done, RequestTimeline timeline) {
        try {
            // the lead-in is calm load: it starts once the load does, which on a busy machine takes a while
            awaitState(() -> timeline.requests().stream().anyMatch(RequestTimeline.Request::ok));
            Pause.sleep(options.gap(), "the lead-in runs");
            for (Fault fault : options.faults()) {
                FaultInjector.Injected one = injector.inject(fault);
                injected.add(one);
                Pause.sleep(options.gap(), "the gap after a fault runs");
                // the next fault only once the suite recovered from this one, so no fault measures another's
                if (!awaitState(() -> recovered(timeline, one))) {
                    out.println("  [chaos] not recovered from " + one.label() + " within "
                            + DurationText.format(RECOVERY_TIMEOUT) + "; going on");
                }
            }
            done.complete(null);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        } finally {
            timeline.close();
        }
    }

    private static boolean recovered(RequestTimeline timeline, FaultInjector.Injected fault) {
        List<RequestTimeline.Request> requests = timeline.requests();
        List<RequestTimeline.Request> window = requests.stream().filter(r -> r.startNanos() >= fault.startNanos()).toList();
        return FaultWindows.recovery(requests, window, fault.endNanos()) != null;
    }

    /** Whether the state came about within {@link #RECOVERY_TIMEOUT}. */
    private static boolean awaitState(java.util.function.BooleanSupplier state) {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.sleep(Duration.ofMillis(500), "waiting for the suite's state");
        }
        return true;
    }

    /** Slots for far longer than planned: a slow restart lengthens the load, and a call must never run out of them. */
    private MixLoadSettings settings(WebhookIntegrations integrations) {
        MixPace pace = options.pace();
        Duration planned = options.plannedLoad();
        VoiceCalls calls = planner.calls((int) Math.ceil(pace.callsPerSecond()),
                planned.multipliedBy(3).plus(Duration.ofMinutes(5)));
        return new MixLoadSettings(options.common().url(), options.bookingUrl(), runId("chaos"), pace.calls(),
                pace.thinkTime(), pace.adminRate(), planned, integrations.voiceId(), integrations.voiceSecret(),
                tenantToken, calls);
    }

    private void awaitVoiceReady(WebhookIntegrations integrations) {
        out.println("Waiting for real answers of every voice function ...");
        WebhookLoadSettings probe = WebhookLoadSettings.voiceProbe(options.common().url(), runId("chaos-probe"),
                integrations, planner.probeCalls());
        new VoiceReadiness().await(probe).ifPresent(answer -> out.println("The load starts while a voice function"
                + " still does not give its real answer (" + answer + ")."));
    }

    private String runId(String label) {
        return options.common().resultsDir().getFileName() + "-" + label;
    }
}
