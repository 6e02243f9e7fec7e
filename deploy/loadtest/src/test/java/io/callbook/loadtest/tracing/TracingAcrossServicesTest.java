package io.callbook.loadtest.tracing;

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
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

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
                ApiClient.anonymous(booking.baseUrl()).withToken(resolverAdmin.token()),
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
        Booked booked = bookByVoice();
        assertTrue(booked.answer().headers().firstValue("X-Request-Id").isPresent(), "clients still get a request id");

        // webhook-service keeps a number's resolution for a minute: the first call of the number asked resolver-service,
        // and if a fallback answered that one (a cold JVM on a busy machine), the booking that went through did not.
        List<ReceivedSpan> first = awaitTrace(booked.firstTraceId(), spans ->
                has(spans, "webhook-service", SpanKind.SPAN_KIND_SERVER) && has(spans, "resolver-service", SpanKind.SPAN_KIND_SERVER));
        ReceivedSpan resolution = only(first, "resolver-service", SpanKind.SPAN_KIND_SERVER, "");
        ReceivedSpan resolverClient = byId(first, resolution.parentSpanId());
        assertEquals("webhook-service", resolverClient.service(), "resolver was asked by webhook-service: " + first);
        assertEquals(SpanKind.SPAN_KIND_CLIENT, resolverClient.kind());
        assertEquals(only(first, "webhook-service", SpanKind.SPAN_KIND_SERVER, "/v1/voice/functions").spanId(),
                resolverClient.parentSpanId(), "within the voice function's call: " + first);

        List<ReceivedSpan> trace = awaitTrace(booked.traceId(), spans ->
                has(spans, "webhook-service", SpanKind.SPAN_KIND_SERVER)
                        && has(spans, "booking-service", SpanKind.SPAN_KIND_SERVER)
                        && has(spans, "booking-service", SpanKind.SPAN_KIND_PRODUCER)
                        && has(spans, "booking-service", SpanKind.SPAN_KIND_CONSUMER)
                        // webhook-service's live view also consumes (the function's activity), in the same trace.
                        && spans.stream().anyMatch(span -> span.service().equals("webhook-service")
                                && span.kind() == SpanKind.SPAN_KIND_CONSUMER && span.name().contains("callbook.booking.v1")));

        // Each hop is the child of the one before it, so the collector shows one tree, not loose pieces of one id.
        ReceivedSpan call = only(trace, "webhook-service", SpanKind.SPAN_KIND_SERVER, "/v1/voice/functions");
        assertEquals(booked.callerSpanId(), call.parentSpanId(), "the voice platform's traceparent is continued");
        ReceivedSpan bookingCall = only(trace, "booking-service", SpanKind.SPAN_KIND_SERVER, "appointments");
        ReceivedSpan bookingClient = byId(trace, bookingCall.parentSpanId());
        assertEquals("webhook-service", bookingClient.service(), "booking was called by webhook-service: " + trace);
        assertEquals(SpanKind.SPAN_KIND_CLIENT, bookingClient.kind());
        assertEquals(call.spanId(), bookingClient.parentSpanId(), "within the voice function's call: " + trace);
        ReceivedSpan publish = only(trace, "booking-service", SpanKind.SPAN_KIND_PRODUCER, "callbook.booking.v1");
        assertEquals(bookingCall.spanId(), publish.parentSpanId(), "the outbox event is sent as the booking's child");
        // webhook-service reads the topic in two groups (outbound deliveries, customer erasures): each one continues it.
        for (String consumer : List.of("booking-service", "webhook-service")) {
            List<ReceivedSpan> received = trace.stream().filter(span -> span.service().equals(consumer)
                    && span.kind() == SpanKind.SPAN_KIND_CONSUMER && span.name().contains("callbook.booking.v1")).toList();
            assertFalse(received.isEmpty(), consumer + " consumed nothing of what booking sent: " + trace);
            received.forEach(span ->
                    assertEquals(publish.spanId(), span.parentSpanId(), consumer + " consumed what booking sent: " + trace));
        }
    }

    /**
     * The answer of a voice booking that went through, the trace the test (as the voice platform) started it in, and
     * the trace of the first try.
     */
    private record Booked(HttpResponse<String> answer, String traceId, String callerSpanId, String firstTraceId) {
    }

    /**
     * Books a slot as the voice platform does, in a trace of the test's own making (its traceparent header). JVMs just
     * started on a busy machine may answer with the spoken fallback at first; each try books another free slot.
     */
    private static Booked bookByVoice() throws IOException, InterruptedException {
        VoiceCalls calls = planner.probeCalls();
        VoiceSeed seed = VoiceSeed.read(calls.seedFile());
        String last = "no answer";
        String firstTraceId = null;
        for (long attempt = 0; attempt < Math.min(calls.slotCount(), 30); attempt++) {
            BookingGrid.Slot slot = planner.grid().slot(calls.slot(attempt), calls.slotDay0());
            byte[] body = VoiceFunctionBody.json("book_appointment", "call-tracing-" + attempt, "+4917012345678",
                            seed.numberOf(slot.branchId()), VoiceFunctionFeeder.bookingArgs(slot, true))
                    .getBytes(StandardCharsets.UTF_8);
            String traceId = randomHex(16);
            String spanId = randomHex(8);
            if (firstTraceId == null) {
                firstTraceId = traceId;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.baseUrl()
                            + "/v1/voice/functions/book_appointment?integration=" + integrations.voiceId()))
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-" + spanId + "-01")
                    .header(WebhookSignature.VOICE.header(),
                            WebhookSignature.VOICE.value(body, integrations.voiceSecret(), Instant.now()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            // HTTP/1.1 as the voice platform sends it (see WebhookScenariosSmokeTest)
            HttpResponse<String> answer;
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            last = answer.statusCode() + " " + answer.body();
            if (answer.statusCode() == 200
                    && !new ObjectMapper().readTree(answer.body()).path("appointment_id").asText().isEmpty()) {
                return new Booked(answer, traceId, spanId, firstTraceId);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no voice booking went through; the last answer: " + last);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HEX.formatHex(random);
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
