package io.callbook.loadtest.webhooks;

import io.callbook.devstack.ServiceProcess;
import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.booking.BookingSeeder;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.GatlingReport;
import io.callbook.loadtest.harness.GatlingRunner;
import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.harness.SmokeServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook scenarios for a few seconds at a tiny load against packaged resolver-service, booking-service and
 * webhook-service on real PostgreSQL, Redis and Kafka: seeding through the public APIs, signatures the service
 * accepts, the expected answers (202 new, 200 repeat, the voice functions' real answers), and the read-back of
 * processing times keep working.
 */
class WebhookScenariosSmokeTest {

    private static final Path WORK = Path.of("target/smoke-webhooks").toAbsolutePath();
    private static final int RATE = 20;
    private static final List<String> OPTIONS = List.of("--duration", "3s", "--warmup", "0", "--repeat-share", "0.15",
            "--calendar-share", "0.15", "--settle", "15s", "--voice-book-share", "0.2", "--no-docs");
    private static final BookingSeedPlan VOICE_PLAN = new BookingSeedPlan(1, 2, 2);

    private static ServiceProcess resolver;
    private static ServiceProcess booking;
    private static ServiceProcess webhook;
    private static ApiClient webhookAdmin;
    private static WebhookSeeder seeder;
    private static String companyId;
    private static WebhookRuns runs;
    private static VoiceSeeder voiceSeeder;

    @BeforeAll
    static void startServicesAndSeed() throws IOException {
        String bootstrapKey = SmokeServices.newBootstrapKey();
        // two at once: most of the test's time is JVMs starting on a small machine; webhook-service needs their URLs
        CompletableFuture<ServiceProcess> bookingStart = CompletableFuture.supplyAsync(() ->
                SmokeServices.startBooking("booking-webhook-loadtest", "booking_webhook_loadtest",
                        WORK.resolve("booking-service.log")));
        resolver = SmokeServices.startResolver("resolver-webhook-loadtest", "resolver_webhook_loadtest", bootstrapKey,
                WORK.resolve("resolver-service.log"));
        booking = bookingStart.join();
        webhook = SmokeServices.startWebhook("webhook-loadtest", "webhook_loadtest", WORK.resolve("webhook-service.log"),
                resolver, booking);

        ResolverClient anonymous = ResolverClient.anonymous(resolver.baseUrl());
        String token = anonymous.exchange(bootstrapKey);
        ResolverClient resolverAdmin = anonymous.withToken(token);
        webhookAdmin = ApiClient.anonymous(webhook.baseUrl()).withToken(token);
        seeder = new WebhookSeeder(resolverAdmin, ApiClient.anonymous(booking.baseUrl()).withToken(token), webhookAdmin,
                System.out);
        companyId = seeder.ensureCompany();

        // the test stack's databases are new on every run
        Files.deleteIfExists(WORK.resolve("booking-seed.json"));
        Files.deleteIfExists(WORK.resolve("booking-ledger.json"));
        voiceSeeder = new VoiceSeeder(new BookingSeeder(resolverAdmin,
                ApiClient.anonymous(booking.baseUrl()).withToken(token), System.out), resolverAdmin, System.out);
        List<String> options = new ArrayList<>(OPTIONS);
        options.addAll(List.of("--url", webhook.baseUrl(), "--resolver-url", resolver.baseUrl(), "--booking-url",
                booking.baseUrl()));
        WebhookOptions webhookOptions = WebhookOptions.parse(options, WORK.resolve("gatling"));
        MeasuredRuns measured = MeasuredRuns.of(new GatlingRunner(WORK.resolve("gatling")), "webhook-loadtest",
                webhook.port(), WORK, System.out);
        runs = new WebhookRuns(webhookOptions, seeder, companyId, new InboxReadBack(webhookAdmin), measured,
                () -> VoiceCallsPlanner.prepare(voiceSeeder, VOICE_PLAN, WORK, WORK.resolve("gatling"),
                        webhookOptions.voiceBookShare(), System.out), System.out);
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] {webhook, booking, resolver}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Test
    void seedingReusesTheCompany() {
        assertEquals(companyId, seeder.ensureCompany());
    }

    @Test
    void acknowledgeGetsOnlyExpectedAnswers() {
        RunResult result = runs.acknowledge(RATE);

        assertTrue(result.stats().total() >= 30, "too few webhooks: " + result.stats());
        assertEquals(0, result.stats().ko(), "webhooks with an unexpected answer: " + GatlingReport.errors(result.report())
                + "; see " + result.report().resolve("index.html"));
        assertTrue(result.windowSeconds() >= 2, "run window " + result.windowSeconds() + " s");
        assertTrue(result.service().isKnown() && result.service().peakRssMb() > 0, "webhook-service usage " + result.service());
    }

    @Test
    void processedReadsEveryCallEventBack() {
        RunResult processed = runs.processed(RATE);

        RunResult ack = runs.rows().get(runs.rows().indexOf(processed) - 1);
        assertEquals(0, ack.stats().ko(), "webhooks with an unexpected answer: " + GatlingReport.errors(ack.report()));
        assertTrue(processed.stats().total() >= 20, "too few call events read back: " + processed.stats());
        assertEquals(0, processed.stats().ko(), "call events not processed in time: " + String.join("\n", runs.notes()));
        assertTrue(processed.stats().p99() < 15_000, "received → processed " + processed.stats());
        assertTrue(processed.cpuMillisPerOperation() > 0, "webhook-service CPU per processed event " + processed.usage());
        assertTrue(processed.service().cpuMillis() >= ack.service().cpuMillis(), "processing counted until done: "
                + processed.usage() + " vs ack " + ack.usage());
        assertTrue(runs.notes().stream().anyMatch(n -> n.startsWith("Processed " + RATE + "/s")), String.join("\n", runs.notes()));
    }

    @Test
    void voiceFunctionsGetTheirRealAnswers() {
        RunResult result = runs.voice(RATE);

        assertEquals(WebhookRuns.voiceLabel(RATE), result.scenario());
        assertTrue(result.stats().total() >= 30, "too few voice function calls: " + result.stats());
        assertEquals(0, result.stats().ko(), "calls without the real answer (a fallback, refusal or question): "
                + GatlingReport.errors(result.report()) + "; see " + result.report().resolve("index.html"));
        assertTrue(result.service().isKnown() && result.service().peakRssMb() > 0, "webhook-service usage " + result.service());
    }

    /** The bench's judge and webhook-service agree on what the spoken fallback is: booking-service stops answering. */
    @Test
    void aFallbackIsToldApartFromARealAnswer() throws IOException, InterruptedException {
        VoiceCallsPlanner planner = VoiceCallsPlanner.prepare(voiceSeeder, VOICE_PLAN, WORK, WORK.resolve("gatling"), 0,
                System.out);
        WebhookLoadSettings settings = new WebhookLoadSettings(webhook.baseUrl(), WebhookScenario.VOICE, 1,
                Duration.ofSeconds(1), "fallback", seeder.integrations(planner.companyId(), "fallback"), WebhookMix.DEFAULT,
                planner.probeCalls());
        VoiceFunctionFeeder feeder = VoiceFunctionFeeder.of(settings);
        VoiceReadiness readiness = new VoiceReadiness();
        assertTrue(readiness.await(settings).isEmpty(), "voice functions never gave their real answer");

        signal("STOP", booking.pid()); // the port still accepts connections, but nothing answers
        String verdict;
        try {
            verdict = readiness.verdictOn(webhook.baseUrl(), SignedRequest.VOICE_AVAILABILITY,
                    feeder.next(SignedRequest.VOICE_AVAILABILITY));
        } finally {
            signal("CONT", booking.pid());
        }
        assertTrue(verdict.startsWith("fallback"), verdict);
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor());
    }

    /** What the README shows with curl: the helper's header is accepted, and a repeat is acknowledged as one. */
    @Test
    void signHelperHeaderIsAcceptedOnceThenAsARepeat() throws IOException, InterruptedException {
        WebhookIntegrations integrations = seeder.integrations(companyId, "sign helper");
        Path body = Files.writeString(Files.createDirectories(WORK).resolve("call_started.json"),
                VoiceCallBody.json("call_started", "call_readme_1", "+4917012345678", "+49301234567", Instant.now().toEpochMilli()));
        String header = WebhookSign.headerLine(List.of("voice", "--secret", integrations.voiceSecret(), "--body-file",
                body.toString()), Instant.now());

        assertEquals(202, send(integrations, body, header).statusCode());
        HttpResponse<String> repeat = send(integrations, body, header);
        assertEquals(200, repeat.statusCode());
        assertTrue(repeat.body().contains("\"duplicate\":true"), repeat.body());
    }

    private static HttpResponse<String> send(WebhookIntegrations integrations, Path body, String headerLine)
            throws IOException, InterruptedException {
        String[] header = headerLine.split(": ", 2);
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.baseUrl()
                        + SignedRequest.VOICE_EVENT.path(integrations.voiceId())))
                .header("Content-Type", "application/json")
                .header(header[0], header[1])
                .POST(HttpRequest.BodyPublishers.ofFile(body)).build();
        // HTTP/1.1 as curl sends it: webhook-service answers POSTs over HTTP/2 with 500 (see docs/benchmarks.md)
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
