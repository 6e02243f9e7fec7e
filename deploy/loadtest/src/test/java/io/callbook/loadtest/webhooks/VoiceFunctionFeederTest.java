package io.callbook.loadtest.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.BookingSeed;
import io.callbook.loadtest.booking.BookingSeedPlan;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceFunctionFeederTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final WebhookIntegrations INTEGRATIONS = new WebhookIntegrations("voice-1", "voice-secret-123456",
            "calendar-1", "calendar-secret-1234");
    private static final BookingSeedPlan PLAN = new BookingSeedPlan(2, 3, 2);
    private static final VoiceSeed SEED = new VoiceSeed(new BookingSeed("http://b", "http://r", PLAN, "company-1",
            List.of("s1", "s2", "s3"), List.of(new BookingSeed.Branch("b1", List.of("st11", "st12")),
            new BookingSeed.Branch("b2", List.of("st21", "st22"))), NOW.toString()),
            Map.of("b1", "+493049000000", "b2", "+493049000001"));
    private static final LocalDate SLOT_DAY0 = LocalDate.parse("2028-01-05");

    @Test
    void availabilityAsksForASeededServiceByNameOnADayOfTheNextTwoWeeks() throws Exception {
        VoiceFunctionFeeder feeder = feeder(0);
        Set<String> calls = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            Map<String, Object> request = feeder.next();
            assertEquals(SignedRequest.VOICE_AVAILABILITY.label(), request.get(WebhookFeeder.KIND));
            assertEquals("/v1/voice/functions/check_availability?integration=voice-1", request.get(WebhookFeeder.PATH));
            assertEquals(200, request.get(WebhookFeeder.EXPECTED_STATUS));
            String body = (String) request.get(WebhookFeeder.BODY);
            assertEquals(WebhookSignature.VOICE.value(body.getBytes(StandardCharsets.UTF_8), INTEGRATIONS.voiceSecret(), NOW),
                    request.get(WebhookFeeder.SIGNATURE));
            JsonNode json = JSON.readTree(body);
            assertEquals("check_availability", json.path("name").asText());
            assertTrue(calls.add(json.path("call").path("call_id").asText()), "each call its own");
            assertTrue(SEED.numbers().containsValue(json.path("call").path("to_number").asText()));
            assertTrue(List.of("Service 1", "Service 2", "Service 3").contains(json.path("args").path("service").asText()));
            LocalDate date = LocalDate.parse(json.path("args").path("date").asText());
            assertTrue(!date.isBefore(LocalDate.parse("2026-12-02")) && date.isBefore(LocalDate.parse("2026-12-16")), date.toString());
        }
    }

    @Test
    void bookingsTakeDistinctSlotsOfTheRunsBlockAtTheSlotsBranch() throws Exception {
        VoiceFunctionFeeder feeder = feeder(1);
        BookingGrid grid = new BookingGrid(SEED.catalog());
        Set<String> slots = new HashSet<>();
        int forAnyone = 0;
        for (int i = 0; i < 30; i++) {
            Map<String, Object> request = feeder.next();
            assertEquals(SignedRequest.VOICE_BOOKING.label(), request.get(WebhookFeeder.KIND));
            JsonNode json = JSON.readTree((String) request.get(WebhookFeeder.BODY));
            JsonNode args = json.path("args");
            BookingGrid.Slot expected = grid.slot(100 + i, SLOT_DAY0);
            if (grid.namesStaff(100 + i)) {
                assertEquals(expected.staffId(), args.path("staff").asText());
            } else {
                assertTrue(args.path("staff").isMissingNode(), "a caller who takes anyone names no one: " + args);
                forAnyone++;
            }
            assertEquals(expected.start(), OffsetDateTime.parse(args.path("start").asText()));
            assertEquals(SEED.numberOf(expected.branchId()), json.path("call").path("to_number").asText());
            assertFalse(args.path("customer_name").asText().isBlank());
            assertTrue(slots.add(expected.staffId() + args.path("start").asText()));
        }
        assertTrue(forAnyone > 10 && forAnyone < 20, "every other start for anyone: " + forAnyone);
    }

    @Test
    void oneOfEachWhenAskedFor() throws Exception {
        VoiceFunctionFeeder feeder = feeder(0.5);
        assertEquals("book_appointment", JSON.readTree((String) feeder.next(SignedRequest.VOICE_BOOKING)
                .get(WebhookFeeder.BODY)).path("name").asText());
        assertEquals("check_availability", JSON.readTree((String) feeder.next(SignedRequest.VOICE_AVAILABILITY)
                .get(WebhookFeeder.BODY)).path("name").asText());
    }

    private static VoiceFunctionFeeder feeder(double bookShare) {
        VoiceCalls calls = new VoiceCalls(Path.of("voice-seed.json"), bookShare, SLOT_DAY0, 100, 1_000);
        WebhookLoadSettings settings = new WebhookLoadSettings("http://localhost", WebhookScenario.VOICE, 10,
                Duration.ofSeconds(1), "run", INTEGRATIONS, WebhookMix.DEFAULT, calls);
        return new VoiceFunctionFeeder(settings, SEED, Clock.fixed(NOW, ZoneOffset.UTC), RandomGenerator.of("L64X128MixRandom"));
    }
}
