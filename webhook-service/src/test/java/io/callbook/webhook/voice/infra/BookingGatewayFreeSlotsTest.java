package io.callbook.webhook.voice.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.callbook.common.contracts.booking.AvailabilityData;
import io.callbook.common.contracts.booking.AvailabilityData.Day;
import io.callbook.common.contracts.booking.AvailabilityData.Slot;
import io.callbook.webhook.voice.domain.VoiceBooking.FreeSlot;
import io.callbook.webhook.voice.domain.VoiceBooking.FreeSlots;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** booking-service's availability answer, written by Jackson from the shared contract as booking-service writes it. */
class BookingGatewayFreeSlotsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UUID ANNA = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    // The night clocks go back in Berlin: the two 02:30 differ only in their offset.
    private static final LocalDate SUNDAY = LocalDate.of(2026, 10, 25);

    @Test
    void theEarliestSlotsAreReadWholeAndAllOfEveryDayCounted() throws Exception {
        List<Slot> sunday = List.of(
                slot(SUNDAY, 2, 30, ZoneOffset.ofHours(2), List.of(ANNA, BEN)),
                slot(SUNDAY, 2, 30, ZoneOffset.ofHours(1), List.of(BEN)),
                slot(SUNDAY, 9, 0, ZoneOffset.ofHours(1), List.of(ANNA)));
        List<Slot> tuesday = new ArrayList<>();
        for (int hour = 8; hour < 18; hour++) {
            tuesday.add(slot(SUNDAY.plusDays(2), hour, 0, ZoneOffset.ofHours(1), List.of(ANNA)));
        }
        BookingClient.Availability answer = answer(new AvailabilityData(UUID.randomUUID(), UUID.randomUUID(),
                "Europe/Berlin", List.of(new Day(SUNDAY, sunday), new Day(SUNDAY.plusDays(1), List.of()),
                new Day(SUNDAY.plusDays(2), tuesday))));

        FreeSlots free = BookingGateway.freeSlots(answer, 4);

        assertEquals(13, free.count());
        assertEquals(List.of(whole(sunday.get(0)), whole(sunday.get(1)), whole(sunday.get(2)), whole(tuesday.getFirst())),
                free.earliest());
        assertEquals(13, BookingGateway.freeSlots(answer, Integer.MAX_VALUE).earliest().size());
    }

    @Test
    void membersItDoesNotKnowAreIgnored() throws Exception {
        String json = """
                {"branchId":"%s","capacity":{"seats":[1,2]},"days":[{"date":"2026-12-01","note":{"a":[{}]},
                "slots":[{"start":"2026-12-01T10:00:00+01:00","end":"2026-12-01T10:30:00+01:00","room":{"n":1}}]},
                {"date":"2026-12-02"}],"timeZone":"Europe/Berlin"}""".formatted(UUID.randomUUID());

        FreeSlots free = BookingGateway.freeSlots(JSON.readValue(json, BookingClient.Availability.class), 5);

        assertEquals(new FreeSlots(List.of(new FreeSlot(OffsetDateTime.parse("2026-12-01T10:00:00+01:00"),
                OffsetDateTime.parse("2026-12-01T10:30:00+01:00"))), 1), free);
    }

    @Test
    void slotTimesReadAsTheGeneralParserReadsThem() {
        for (String text : List.of("2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00", "2026-03-01T23:59:59-03:30",
                "2026-12-01T09:00:00+05:45", "2026-12-01T09:00:00Z", "2026-12-01T09:00:00.5+01:00",
                "2026-12-01T09:00+01:00", "+12026-12-01T09:00:00+01:00")) {
            assertEquals(OffsetDateTime.parse(text), BookingGateway.slotTime(text), text);
        }
    }

    @Test
    void malformedSlotTimesFailAsTheGeneralParserFails() {
        for (String text : List.of("2026-13-01T09:00:00+01:00", "2026-02-30T09:00:00+01:00", "2026-12-01T09:00:00+19:00",
                "2026-12-01T0x:00:00+01:00", "2026-12-01 09:00:00+01:00", "")) {
            assertThrows(DateTimeParseException.class, () -> BookingGateway.slotTime(text), text);
        }
    }

    private static BookingClient.Availability answer(AvailabilityData data) throws Exception {
        return JSON.readValue(JSON.writeValueAsBytes(data), BookingClient.Availability.class);
    }

    private static Slot slot(LocalDate day, int hour, int minute, ZoneOffset offset, List<UUID> staff) {
        OffsetDateTime start = OffsetDateTime.of(day.atTime(hour, minute), offset);
        return new Slot(start, start.plusMinutes(30), staff);
    }

    private static FreeSlot whole(Slot slot) {
        return new FreeSlot(slot.start(), slot.end());
    }
}
