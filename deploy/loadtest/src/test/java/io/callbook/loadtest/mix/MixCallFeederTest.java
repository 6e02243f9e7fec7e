package io.callbook.loadtest.mix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.BookingSeed;
import io.callbook.loadtest.booking.BookingSeedPlan;
import io.callbook.loadtest.webhooks.VoiceCalls;
import io.callbook.loadtest.webhooks.VoiceSeed;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixCallFeederTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final BookingSeedPlan PLAN = new BookingSeedPlan(2, 3, 2);
    private static final VoiceSeed SEED = new VoiceSeed(new BookingSeed("http://b", "http://r", PLAN, "company-1",
            List.of("s1", "s2", "s3"), List.of(new BookingSeed.Branch("b1", List.of("st11", "st12")),
            new BookingSeed.Branch("b2", List.of("st21", "st22"))), NOW.toString()),
            Map.of("b1", "+493049000000", "b2", "+493049000001"));
    private static final LocalDate SLOT_DAY0 = LocalDate.parse("2028-01-05");

    @Test
    void everyRequestOfACallCarriesTheCallAndTheBranchItDialled() throws Exception {
        MixCallFeeder feeder = feeder(0.3);
        Set<String> callIds = new HashSet<>();
        int secondChecks = 0;
        for (int i = 0; i < 400; i++) {
            Map<String, Object> call = feeder.next();
            String callId = (String) call.get(MixCallFeeder.CALL_ID);
            assertTrue(callIds.add(callId), "each call its own id");
            String dialled = (String) call.get(MixCallFeeder.DIALLED);
            assertEquals(SEED.numberOf((String) call.get(MixCallFeeder.BRANCH)), dialled);

            JsonNode inbound = JSON.readTree((String) call.get(MixCallFeeder.INBOUND_BODY));
            assertEquals(dialled, inbound.path("to_number").asText());
            assertEquals(call.get(MixCallFeeder.CALLER), inbound.path("from_number").asText());
            for (String check : List.of(MixCallFeeder.CHECK_BODY, MixCallFeeder.SECOND_CHECK_BODY)) {
                JsonNode body = JSON.readTree((String) call.get(check));
                assertEquals("check_availability", body.path("name").asText());
                assertEquals(callId, body.path("call").path("call_id").asText());
                assertEquals(dialled, body.path("call").path("to_number").asText());
                assertTrue(body.path("args").path("service").asText().startsWith("Service "));
            }
            secondChecks += (Boolean) call.get(MixCallFeeder.SECOND_CHECK) ? 1 : 0;
        }
        assertTrue(secondChecks > 150 && secondChecks < 250, "about half the calls ask twice: " + secondChecks);
    }

    @Test
    void bookingCallsDialTheBranchOfTheNextFreeSlot() throws Exception {
        MixCallFeeder feeder = feeder(0.3);
        BookingGrid grid = new BookingGrid(SEED.catalog());
        Set<String> slots = new HashSet<>();
        int bookings = 0;
        for (int i = 0; i < 400; i++) {
            Map<String, Object> call = feeder.next();
            if (!(Boolean) call.get(MixCallFeeder.BOOKS)) {
                assertEquals("", call.get(MixCallFeeder.BOOK_BODY));
                continue;
            }
            JsonNode body = JSON.readTree((String) call.get(MixCallFeeder.BOOK_BODY));
            long number = 100 + bookings++;
            BookingGrid.Slot expected = grid.slot(number, SLOT_DAY0);
            assertEquals("book_appointment", body.path("name").asText());
            assertEquals(call.get(MixCallFeeder.CALL_ID), body.path("call").path("call_id").asText());
            assertEquals(grid.namesStaff(number) ? expected.staffId() : "", body.path("args").path("staff").asText());
            assertEquals(expected.start(), OffsetDateTime.parse(body.path("args").path("start").asText()));
            assertEquals(expected.branchId(), call.get(MixCallFeeder.BRANCH));
            assertTrue(slots.add(expected.staffId() + expected.start()));
        }
        assertTrue(bookings > 80 && bookings < 160, "about 30 % of the calls book: " + bookings);
    }

    private static MixCallFeeder feeder(double bookShare) {
        VoiceCalls calls = new VoiceCalls(Path.of("voice-seed.json"), bookShare, SLOT_DAY0, 100, 1_000);
        MixLoadSettings settings = new MixLoadSettings("http://localhost:8083", "http://localhost:8082", "run", 10,
                Duration.ofMillis(300), 1, Duration.ofSeconds(10), "voice-1", "voice-secret-123456", "token", calls);
        return new MixCallFeeder(settings, SEED, Clock.fixed(NOW, ZoneOffset.UTC), RandomGenerator.of("L64X128MixRandom"));
    }
}
