package io.callbook.loadtest.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.devstack.ServiceProcess;
import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.booking.BookingSeeder;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.ResolverClient;
import io.callbook.loadtest.harness.SmokeServices;
import io.callbook.loadtest.tracing.OtlpReceiver.ReceivedSpan;
import io.callbook.loadtest.webhooks.VoiceCalls;
import io.callbook.loadtest.webhooks.VoiceCallsPlanner;
import io.callbook.loadtest.webhooks.VoiceFunctionBody;
import io.callbook.loadtest.webhooks.VoiceFunctionFeeder;
import io.callbook.loadtest.webhooks.VoiceSeed;
import io.callbook.loadtest.webhooks.VoiceSeeder;
import io.callbook.loadtest.webhooks.WebhookIntegrations;
import io.callbook.loadtest.webhooks.WebhookSeeder;
import io.callbook.loadtest.webhooks.WebhookSignature;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace across the suite, as a collector receives it: a voice agent books an appointment through webhook-service,
 * which asks resolver-service whose number was dialled and booking-service to book; booking-service's outbox event then
 * reaches its consumers in booking-service (availability cache) and webhook-service (outbound webhooks). The packaged
 * services run on the test stack and export every span over OTLP/HTTP to a receiver in this JVM.
 */
class TracingAcrossServicesTest {

    private static final Path WORK = Path.of("target/smoke-tracing").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static OtlpReceiver collector;
    private static ServiceProcess resolver;
    private static ServiceProcess booking;
    private static ServiceProcess webhook;
    private static VoiceCallsPlanner planner;
    private static WebhookIntegrations integrations;

    @BeforeAll
    static void startTheSuiteExportingEverySpan() throws IOException {
        collector = OtlpReceiver.start();
        // Every trace (production samples a tenth), sent within a fraction of a second of its end.
        Map<String, String> tracing = Map.of(
                "quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.traces.sampler.arg", "1.0",
                "quarkus.otel.bsp.schedule.delay", "200ms");
        String bootstrapKey = SmokeServices.newBootstrapKey();
        CompletableFuture<ServiceProcess> bookingStart = CompletableFuture.supplyAsync(() ->
                SmokeServices.startBooking("booking-tracing", "booking_tracing", WORK.resolve("booking-service.log"),
                        tracing));
        resolver = SmokeServices.startResolver("resolver-tracing", "resolver_tracing", bootstrapKey,
                WORK.resolve("resolver-service.log"), tracing);
        booking = bookingStart.join();
        webhook = SmokeServices.startWebhook("webhook-tracing", "webhook_tracing", WORK.resolve("webhook-service.log"),
                resolver, booking, tracing);

        ResolverClient anonymous = ResolverClient.anonymous(resolver.baseUrl());
        ResolverClient resolverAdmin = anonymous.withToken(anonymous.exchange(bootstrapKey));
        Files.deleteIfExists(WORK.resolve("booking-seed.json"));
        Files.deleteIfExists(WORK.resolve("booking-ledger.json"));
        VoiceSeeder voiceSeeder = new VoiceSeeder(new BookingSeeder(resolverAdmin,
                ApiClient.anonymous(booking.baseUrl()).withToken(resolverAdmin.token()), System.out), resolverAdmin,
                System.out);
        planner = VoiceCallsPlanner.prepare(voiceSeeder, new BookingSeedPlan(1, 1, 1), WORK, WORK, 0, System.out);
        integrations = new WebhookSeeder(resolverAdmin,
                ApiClient.anonymous(webhook.baseUrl()).withToken(resolverAdmin.token()), System.out)
                .integrations(planner.companyId(), "tracing");
    }

    @AfterAll
    static void stopTheSuite() {
        for (ServiceProcess service : new ServiceProcess[]{webhook, booking, resolver}) {
            if (service != null) {
                service.stop();
            }
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void aVoiceBookingIsOneTraceFromTheFunctionCallToTheConsumersOfItsEvent() throws Exception {
        HttpResponse<String> answer = bookByVoice();
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertFalse(body.path("appointment_id").asText().isEmpty(), "a real booking, not a fallback: " + body);
        assertTrue(answer.headers().firstValue("X-Request-Id").isPresent(), "clients still get their request id");

        ReceivedSpan call = await(() -> collector.spans().stream()
                .filter(span -> span.service().equals("webhook-service") && span.kind() == SpanKind.SPAN_KIND_SERVER
                        && span.name().contains("/v1/voice/functions"))
                .findFirst());
        String traceId = call.traceId();
        List<ReceivedSpan> trace = awaitTrace(traceId, spans ->
                has(spans, "resolver-service", SpanKind.SPAN_KIND_SERVER)
                        && has(spans, "booking-service", SpanKind.SPAN_KIND_SERVER)
                        && has(spans, "booking-service", SpanKind.SPAN_KIND_PRODUCER)
                        && has(spans, "booking-service", SpanKind.SPAN_KIND_CONSUMER)
                        && has(spans, "webhook-service", SpanKind.SPAN_KIND_CONSUMER));

        // Each hop is the child of the one before it, so the collector shows one tree, not loose pieces of one id.
        ReceivedSpan bookingCall = only(trace, "booking-service", SpanKind.SPAN_KIND_SERVER, "appointments");
        ReceivedSpan bookingClient = byId(trace, bookingCall.parentSpanId());
        assertEquals("webhook-service", bookingClient.service(), "booking was called by webhook-service: " + trace);
        assertEquals(SpanKind.SPAN_KIND_CLIENT, bookingClient.kind());
        ReceivedSpan resolution = only(trace, "resolver-service", SpanKind.SPAN_KIND_SERVER, "");
        assertEquals("webhook-service", byId(trace, resolution.parentSpanId()).service(), trace.toString());
        ReceivedSpan publish = only(trace, "booking-service", SpanKind.SPAN_KIND_PRODUCER, "callbook.booking.v1");
        assertEquals(bookingCall.spanId(), publish.parentSpanId(), "the outbox event is sent as the booking's child");
        for (String consumer : List.of("booking-service", "webhook-service")) {
            ReceivedSpan received = only(trace, consumer, SpanKind.SPAN_KIND_CONSUMER, "callbook.booking.v1");
            assertEquals(publish.spanId(), received.parentSpanId(), consumer + " consumed what booking sent: " + trace);
        }
    }

    private static HttpResponse<String> bookByVoice() throws IOException, InterruptedException {
        VoiceCalls calls = planner.probeCalls();
        BookingGrid.Slot slot = planner.grid().slot(calls.slot(0), calls.slotDay0());
        VoiceSeed seed = VoiceSeed.read(calls.seedFile());
        byte[] body = VoiceFunctionBody.json("book_appointment", "call-tracing-" + Instant.now().toEpochMilli(),
                "+4917012345678", seed.numberOf(slot.branchId()), VoiceFunctionFeeder.bookingArgs(slot))
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.baseUrl()
                        + "/v1/voice/functions/book_appointment?integration=" + integrations.voiceId()))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.VOICE.header(),
                        WebhookSignature.VOICE.value(body, integrations.voiceSecret(), Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        // HTTP/1.1 as the voice platform sends it (see WebhookScenariosSmokeTest)
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static boolean has(List<ReceivedSpan> spans, String service, SpanKind kind) {
        return spans.stream().anyMatch(span -> span.service().equals(service) && span.kind() == kind);
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, String service, SpanKind kind, String nameContains) {
        List<ReceivedSpan> found = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind() == kind && span.name().contains(nameContains))
                .toList();
        assertEquals(1, found.size(), service + " " + kind + " '" + nameContains + "' in " + trace);
        return found.get(0);
    }

    private static ReceivedSpan byId(List<ReceivedSpan> trace, String spanId) {
        return trace.stream().filter(span -> span.spanId().equals(spanId)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + spanId + " in " + trace));
    }

    private static List<ReceivedSpan> awaitTrace(String traceId, Predicate<List<ReceivedSpan>> complete) {
        List<ReceivedSpan>[] trace = new List[1];
        boolean arrived = until(() -> {
            trace[0] = collector.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
            return complete.test(trace[0]);
        });
        assertTrue(arrived, "trace " + traceId + " incomplete: " + trace[0]);
        return trace[0];
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> found) {
        Object[] value = new Object[1];
        boolean arrived = until(() -> {
            found.get().ifPresent(v -> value[0] = v);
            return value[0] != null;
        });
        assertTrue(arrived, "never arrived; spans: " + collector.spans());
        @SuppressWarnings("unchecked")
        T result = (T) value[0];
        return result;
    }

    /** Polls every 200 ms; no speed is asserted, only that it happens within a generous time. */
    private static boolean until(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
