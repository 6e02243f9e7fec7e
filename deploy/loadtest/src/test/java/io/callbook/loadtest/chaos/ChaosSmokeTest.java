package io.callbook.loadtest.chaos;

import io.callbook.devstack.Devstack;
import io.callbook.devstack.ServiceProcess;
import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.booking.BookingSeeder;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.BenchReport;
import io.callbook.loadtest.harness.ExitStatus;
import io.callbook.loadtest.harness.GatlingRunner;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.SmokeServices;
import io.callbook.loadtest.mix.TenantAdminKey;
import io.callbook.loadtest.webhooks.VoiceCallsPlanner;
import io.callbook.loadtest.webhooks.VoiceSeeder;
import io.callbook.loadtest.webhooks.WebhookSeeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast faults of the chaos bench, under a handful of calls, against packaged resolver-service, booking-service
 * and webhook-service on the test stack: booking-service killed with kill -9 and started again mid-load, then Redis
 * frozen for a few seconds. Afterwards nothing the suite acknowledged is lost or duplicated, every outbox is
 * published and every consumer caught up. Nothing here depends on speed: the faults last what they last, and the
 * read-back waits for states (at most its settle time), not for a time.
 */
class ChaosSmokeTest {

    private static final Path WORK = Path.of("target/smoke-chaos").toAbsolutePath();
    private static final String RESOLVER_DB = "resolver_chaos_loadtest";
    private static final String BOOKING_DB = "booking_chaos_loadtest";
    private static final String WEBHOOK_DB = "webhook_chaos_loadtest";
    private static final List<String> OPTIONS = List.of("--faults", "kill,redis", "--kill", "booking", "--pause", "3s",
            "--gap", "4s", "--calls", "4", "--think-time", "300ms", "--book-share", "0.5", "--admin-rate", "1",
            "--settle", "90s", "--no-docs");
    private static final BookingSeedPlan PLAN = new BookingSeedPlan(2, 2, 2);

    private static ServiceProcess resolver;
    private static ServiceProcess booking;
    private static ServiceProcess webhook;
    private static ChaosOptions options;
    private static ChaosResult result;

    @BeforeAll
    static void startServicesSeedAndRunTheFaults() throws IOException {
        String bootstrapKey = SmokeServices.newBootstrapKey();
        CompletableFuture<ServiceProcess> bookingStart = CompletableFuture.supplyAsync(() ->
                SmokeServices.startBooking("booking-chaos-loadtest", BOOKING_DB, WORK.resolve("booking-service.log")));
        resolver = SmokeServices.startResolver("resolver-chaos-loadtest", RESOLVER_DB, bootstrapKey,
                WORK.resolve("resolver-service.log"));
        booking = bookingStart.join();
        webhook = SmokeServices.startWebhook("webhook-chaos-loadtest", WEBHOOK_DB, WORK.resolve("webhook-service.log"),
                resolver, booking);

        ResolverClient anonymous = ResolverClient.anonymous(resolver.baseUrl());
        String token = anonymous.exchange(bootstrapKey);
        ResolverClient resolverAdmin = anonymous.withToken(token);
        ApiClient bookingAdmin = ApiClient.anonymous(booking.baseUrl()).withToken(token);
        ApiClient webhookAdmin = ApiClient.anonymous(webhook.baseUrl()).withToken(token);

        Files.deleteIfExists(WORK.resolve("booking-seed.json")); // the test stack's databases are new on every run
        Files.deleteIfExists(WORK.resolve("booking-ledger.json"));
        List<String> args = new ArrayList<>(OPTIONS);
        args.addAll(List.of("--url", webhook.baseUrl(), "--resolver-url", resolver.baseUrl(), "--booking-url",
                booking.baseUrl()));
        options = ChaosOptions.parse(args, WORK.resolve("gatling"));
        VoiceSeeder voiceSeeder = new VoiceSeeder(new BookingSeeder(resolverAdmin, bookingAdmin, System.out),
                resolverAdmin, System.out);
        VoiceCallsPlanner planner = VoiceCallsPlanner.prepare(voiceSeeder, PLAN, WORK, WORK.resolve("gatling"),
                options.bookShare(), System.out);
        TenantAdminKey tenantAdmin = TenantAdminKey.create(resolverAdmin, planner.companyId(), "Loadtest chaos smoke");

        Devstack stack = Devstack.shared();
        SuiteProcessControl suite = new SuiteProcessControl(stack.stateFile());
        FaultInjector.KillTarget killed = new FaultInjector.KillTarget("booking", "service-booking-chaos-restarted",
                "booking-chaos-restarted", booking.baseUrl(), booking::pid);
        FaultInjector injector = new FaultInjector(suite, killed, options.pause(), System.out);
        try (SuiteLedger ledger = new SuiteLedger(stack.postgresPort(), stack.kafkaPort(), WEBHOOK_DB, BOOKING_DB,
                List.of(RESOLVER_DB, BOOKING_DB, WEBHOOK_DB))) {
            result = new ChaosRuns(options, planner, new WebhookSeeder(resolverAdmin, bookingAdmin, webhookAdmin, System.out),
                    bookingAdmin, tenantAdmin.token(), injector, ledger, new GatlingRunner(WORK.resolve("gatling")),
                    System.out).run();
        } finally {
            tenantAdmin.revoke(resolverAdmin);
        }
        System.out.print(ChaosTable.console(result.rows()));
    }

    @AfterAll
    static void stopServices() {
        if (result != null) {
            // the booking-service started again is the test's, not a ServiceProcess of its own
            result.faults().stream().filter(fault -> fault.newPid() > 0).forEach(fault ->
                    ProcessHandle.of(fault.newPid()).ifPresent(process -> {
                        process.destroy();
                        process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
                        process.destroyForcibly();
                    }));
        }
        for (ServiceProcess service : new ServiceProcess[] {webhook, booking, resolver}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Test
    void everyFaultIsDoneAndTheSuiteRecovers() {
        assertNull(result.failure());
        assertEquals(List.of(Fault.KILL, Fault.REDIS), result.faults().stream().map(FaultInjector.Injected::fault).toList());
        assertTrue(result.faults().get(0).newPid() != booking.pid(), "booking-service runs as a new process");
        for (FaultWindows.Row row : result.rows().subList(1, result.rows().size())) {
            assertNotNull(row.recovery(), row.label() + ": no request succeeded after it");
        }
    }

    @Test
    void nothingAcknowledgedIsLostOrDuplicated() {
        ChaosReadBack.Outcome readBack = result.readBack();
        assertFalse(readBack.fates().isEmpty(), "the suite acknowledged call events");
        assertTrue(readBack.fates().values().stream().allMatch(fate -> fate == FaultWindows.Fate.KEPT),
                readBack.notes() + " " + result.rows());
        assertEquals(0, result.lost());
        assertEquals(0, result.duplicated());
        assertFalse(result.slots().doubleBooked(), result.slots().note());
    }

    @Test
    void theSuiteCatchesUp() {
        ChaosReadBack.Outcome readBack = result.readBack();
        assertTrue(readBack.caughtUp(), "inbox " + readBack.inboxStatuses() + ", outbox " + readBack.outboxLeft()
                + ", lag " + readBack.lag());
        assertEquals(0, readBack.outboxRowsLeft(), readBack.outboxLeft().toString());
        assertEquals(0, readBack.totalLag(), readBack.lag().toString());
        assertEquals(3, readBack.outboxLeft().size(), "every service's outbox is read");
    }

    @Test
    void theReportHasARowPerFault() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int status = new ChaosBench(options, WORK, out).summarize(new BenchReport(WORK, options.common(), out), result);

        String report = printed.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertEquals(ExitStatus.OK, status, report);
        for (String row : List.of(FaultWindows.BASELINE, "kill -9 booking + restart", "SIGSTOP redis 3s")) {
            assertTrue(report.contains(row), report);
        }
        assertTrue(report.contains("Nothing lost, duplicated or left behind"), report);
    }
}
