package io.callbook.loadtest.chaos;

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
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.mix.MixPace;
import io.callbook.loadtest.mix.TenantAdminKey;
import io.callbook.loadtest.webhooks.VoiceCallsPlanner;
import io.callbook.loadtest.webhooks.VoiceSeeder;
import io.callbook.loadtest.webhooks.WebhookSeeder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./callbook bench chaos}: faults under load. Runs the mix's calls against the local suite while
 * {@link FaultInjector} kills a service, freezes PostgreSQL, Redis and Kafka and restarts the broker, one after the
 * other with calm load between them ({@link ChaosRuns}); then reads back what the suite kept ({@link ChaosReadBack})
 * and prints per fault the requests during it, the errors, the recovery time, and what was lost or duplicated.
 */
public final class ChaosBench extends BenchMain<ChaosOptions> {

    public static final BenchTarget<ChaosOptions> TARGET = new BenchTarget<>("chaos",
            "faults under load: kill -9 a service, SIGSTOP PostgreSQL, Redis, Kafka, restart Kafka; nothing lost",
            ChaosOptions.USAGE, ChaosOptions::parse, ChaosBench::new);

    ChaosBench(ChaosOptions options, Path repoRoot, PrintStream out) {
        super(options, repoRoot, out);
    }

    @Override
    public int run() {
        ResolverClient resolver = ResolverClient.anonymous(options.resolverUrl());
        ApiClient booking = ApiClient.anonymous(options.bookingUrl());
        ApiClient webhooks = ApiClient.anonymous(common.url());
        try (BenchSession session = startSession("chaos", List.of(resolver, booking, webhooks))) {
            SuiteProcessControl suite = SuiteProcessControl.of(repoRoot);
            if (!suite.hasSuite()) {
                throw new IllegalStateException("The chaos bench needs the local suite of this repository (./callbook up):"
                        + " no .callbook/state.properties");
            }
            FaultInjector injector = new FaultInjector(suite,
                    FaultInjector.KillTarget.of(options.killService(), options.killUrl()), options.pause(), out);
            injector.check(options.faults());

            String token = session.adminToken(resolver);
            ResolverClient resolverAdmin = resolver.withToken(token);
            ApiClient bookingAdmin = booking.withToken(token);
            VoiceSeeder voiceSeeder = new VoiceSeeder(new BookingSeeder(resolverAdmin, bookingAdmin, out), resolverAdmin, out);
            VoiceCallsPlanner planner = VoiceCallsPlanner.prepare(voiceSeeder, BookingSeedPlan.BENCH,
                    session.benchDir(), common.resultsDir(), options.bookShare(), out);
            TenantAdminKey tenantAdmin = TenantAdminKey.create(resolverAdmin, planner.companyId(),
                    "Loadtest chaos " + common.resultsDir().getFileName());
            try (SuiteLedger ledger = SuiteLedger.ofLocalSuite(suite.port("postgres.port"), suite.port("kafka.port"))) {
                ChaosRuns runs = new ChaosRuns(options, planner, new WebhookSeeder(resolverAdmin, bookingAdmin, webhooks.withToken(token), out),
                        bookingAdmin, tenantAdmin.token(), injector, ledger, session.gatling(), out);
                return summarize(session.report(), runs.run());
            } finally {
                revoke(tenantAdmin, resolverAdmin);
            }
        }
    }

    int summarize(BenchReport report, ChaosResult result) {
        List<String> notes = new ArrayList<>();
        MixPace pace = options.pace();
        notes.add(String.format(Locale.ROOT, "Load: the mix's calls, %d concurrent (think time %s, %.0f %% book), %.1f"
                        + " admin reads/s: %.0f requests/s planned. Faults one after the other with %s of calm load before"
                        + " and after each. A fault's errors are those of requests started from its start until the next"
                        + " fault's; recovery is from its end until the first success of a request sent after it; lost"
                        + " and duplicated count the acknowledged call events and confirmed bookings"
                        + " of those requests.", pace.calls(), DurationText.format(pace.thinkTime()),
                pace.bookShare() * 100, pace.adminRate(), pace.plannedRate(), DurationText.format(options.gap())));
        if (result.failure() != null) {
            notes.add("FAULT NOT DONE: " + result.failure() + "; the faults after it did not run.");
        }
        for (FaultWindows.Row row : result.rows()) {
            if (!row.lostKeys().isEmpty()) {
                notes.add("Lost in \"" + row.label() + "\": " + String.join(", ", row.lostKeys())
                        + (row.lost() > row.lostKeys().size() ? ", ..." : "") + ".");
            }
        }
        ChaosReadBack.Outcome readBack = result.readBack();
        notes.addAll(readBack.notes());
        notes.add("Read back from the databases and Kafka: " + readBack.fates().size() + " acknowledged call events and"
                + " confirmed bookings; the run's inbox " + readBack.inboxStatuses() + "; unpublished outbox rows "
                + readBack.outboxLeft() + "; consumer lag " + readBack.lag()
                + (readBack.caughtUp() ? "" : " — NOT CAUGHT UP within " + DurationText.format(options.settle())) + ".");
        notes.add(result.slots().note());
        if (result.report() != null) {
            List<String> errors = GatlingReport.errors(result.report());
            if (!errors.isEmpty()) {
                notes.add("Errors: " + String.join("; ", errors.stream().limit(4).toList()) + ".");
            }
        }
        notes.add(result.flagged() ? "FLAGGED: something lost, duplicated, double-booked, left behind, not caught up or"
                + " not recovered." : "Nothing lost, duplicated or left behind; every fault recovered.");
        String data = String.format(Locale.ROOT, "the booking bench's catalog, a fresh voice integration; %d calls,"
                        + " think time %s; kill -9 hits %s; SIGSTOP %s; calm %s", pace.calls(),
                DurationText.format(pace.thinkTime()), options.killService().module(),
                DurationText.format(options.pause()), DurationText.format(options.gap()));
        report.publish("chaos", data, ChaosTable.console(result.rows()), ChaosTable.markdown(result.rows()), notes);
        return result.flagged() ? ExitStatus.FLAGGED : ExitStatus.OK;
    }

    private void revoke(TenantAdminKey key, ResolverClient resolverAdmin) {
        try {
            key.revoke(resolverAdmin);
        } catch (IllegalStateException e) {
            out.println("The tenant-admin key " + key.keyId() + " is left: " + e.getMessage());
        }
    }
}
