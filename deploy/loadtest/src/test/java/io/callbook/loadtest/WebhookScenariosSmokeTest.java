package io.callbook.loadtest;

import io.callbook.devstack.ServiceProcess;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook scenarios for a few seconds at a tiny load against packaged resolver-service and webhook-service on
 * real PostgreSQL, Redis and Kafka: seeding through the public APIs, signatures the service accepts, the expected
 * answers (202 new, 200 repeat), and the read-back of processing times keep working.
 */
class WebhookScenariosSmokeTest {

    private static final Path WORK = Path.of("target/smoke-webhooks").toAbsolutePath();
    private static final int RATE = 20;
    private static final List<String> OPTIONS = List.of("--duration", "3s", "--warmup", "0", "--repeat-share", "0.15",
            "--calendar-share", "0.15", "--settle", "15s", "--no-docs");

    private static ServiceProcess resolver;
    private static ServiceProcess webhook;
    private static ApiClient webhookAdmin;
    private static WebhookSeeder seeder;
    private static String companyId;
    private static WebhookRuns runs;

    @BeforeAll
    static void startServicesAndSeed() {
        String bootstrapKey = SmokeServices.newBootstrapKey();
        // both at once: most of the test's time is two JVMs starting on a small machine
        CompletableFuture<ServiceProcess> webhookStart = CompletableFuture.supplyAsync(() ->
                SmokeServices.startWebhook("webhook-loadtest", "webhook_loadtest", WORK.resolve("webhook-service.log")));
        resolver = SmokeServices.startResolver("resolver-webhook-loadtest", "resolver_webhook_loadtest", bootstrapKey,
                WORK.resolve("resolver-service.log"));
        webhook = webhookStart.join();

        ResolverClient anonymous = ResolverClient.anonymous(resolver.baseUrl());
        String token = anonymous.exchange(bootstrapKey);
        webhookAdmin = ApiClient.anonymous(webhook.baseUrl()).withToken(token);
        seeder = new WebhookSeeder(anonymous.withToken(token), webhookAdmin, System.out);
        companyId = seeder.ensureCompany();

        List<String> options = new ArrayList<>(OPTIONS);
        options.addAll(List.of("--url", webhook.baseUrl(), "--resolver-url", resolver.baseUrl()));
        WebhookOptions webhookOptions = WebhookOptions.parse(options, WORK.resolve("gatling"));
        MeasuredRuns measured = MeasuredRuns.of(new GatlingRunner(WORK.resolve("gatling")), "webhook-loadtest",
                webhook.port(), System.out);
        runs = new WebhookRuns(webhookOptions, seeder, companyId, new InboxReadBack(webhookAdmin), measured, System.out);
    }

    @AfterAll
    static void stopServices() {
        if (webhook != null) {
            webhook.stop();
        }
        if (resolver != null) {
            resolver.stop();
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
        assertTrue(runs.notes().stream().anyMatch(n -> n.startsWith("Processed " + RATE + "/s")), String.join("\n", runs.notes()));
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
