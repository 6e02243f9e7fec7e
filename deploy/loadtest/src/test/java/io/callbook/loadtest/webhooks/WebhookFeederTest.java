package io.callbook.loadtest.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookFeederTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookIntegrations INTEGRATIONS = new WebhookIntegrations("voice-1", "voice-secret-123456",
            "calendar-1", "calendar-secret-1234");

    @Test
    void callEventsComeInOrderAndEachIsNew() throws Exception {
        WebhookFeeder feeder = feeder(new WebhookMix(0, 0), Clock.fixed(Instant.now(), ZoneOffset.UTC));
        Set<String> identities = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            Map<String, Object> request = feeder.next();
            assertEquals(SignedRequest.VOICE_EVENT.label(), request.get(WebhookFeeder.KIND));
            assertEquals(202, request.get(WebhookFeeder.EXPECTED_STATUS));
            assertEquals("/v1/webhooks/voice?integration=voice-1", request.get(WebhookFeeder.PATH));
            JsonNode body = JSON.readTree((String) request.get(WebhookFeeder.BODY));
            assertEquals(VoiceCallBody.EVENTS.get(i % 3), body.path("event").asText());
            assertEquals("run-call-" + i / 3, body.path("call").path("call_id").asText());
            assertTrue(body.path("call").path("from_number").asText().startsWith("+4917"));
            assertTrue(identities.add(body.path("call").path("call_id").asText() + body.path("event").asText()));
        }
    }

    @Test
    void mixesRepeatsOfAcknowledgedEventsAndCalendarBookings() {
        WebhookFeeder feeder = feeder(new WebhookMix(0.1, 0.2), Clock.systemUTC());
        Set<String> acknowledged = new HashSet<>();
        Map<String, Integer> kinds = new HashMap<>();
        Set<String> bookings = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> request = feeder.next();
            String kind = (String) request.get(WebhookFeeder.KIND);
            String body = (String) request.get(WebhookFeeder.BODY);
            kinds.merge(kind, 1, Integer::sum);
            if (kind.equals(SignedRequest.VOICE_REPEAT.label())) {
                assertEquals(200, request.get(WebhookFeeder.EXPECTED_STATUS));
                assertTrue(acknowledged.remove(body), "a repeat of an acknowledged event, once");
            } else if (kind.equals(SignedRequest.VOICE_EVENT.label())) {
                if (i % 2 == 0) { // the other half is still in flight: never repeated
                    feeder.acknowledged(body);
                    acknowledged.add(body);
                }
            } else {
                assertEquals("/v1/webhooks/calendar?integration=calendar-1", request.get(WebhookFeeder.PATH));
                assertEquals(64, ((String) request.get(WebhookFeeder.SIGNATURE)).length());
                assertTrue(bookings.add(body), "each booking its own uid");
            }
        }
        assertEquals(0.2, kinds.get(SignedRequest.CALENDAR_EVENT.label()) / 10_000.0, 0.02);
        assertEquals(0.1, kinds.get(SignedRequest.VOICE_REPEAT.label()) / 10_000.0, 0.02);
    }

    private static WebhookFeeder feeder(WebhookMix mix, Clock clock) {
        WebhookLoadSettings settings = new WebhookLoadSettings("http://localhost", WebhookScenario.ACKNOWLEDGE, 10,
                Duration.ofSeconds(1), "run", INTEGRATIONS, mix, null);
        return new WebhookFeeder(settings, clock, RandomGenerator.of("L64X128MixRandom"));
    }
}
