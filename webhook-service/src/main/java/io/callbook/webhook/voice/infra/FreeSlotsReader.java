package io.callbook.webhook.voice.infra;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.callbook.common.contracts.booking.AvailabilityData;
import io.callbook.webhook.voice.domain.VoiceBooking.FreeSlot;
import io.callbook.webhook.voice.domain.VoiceBooking.FreeSlots;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads booking-service's availability answer ({@link AvailabilityData}) as it streams past: the earliest slots whole,
 * the others only counted. A day's answer holds a hundred slots or more, each with two date-times and its staff;
 * binding all of them was a tenth of a voice function's CPU, while the caller hears three and the agent gets twenty.
 * Members it does not know are skipped, as booking-service may add some.
 */
final class FreeSlotsReader {

    private FreeSlotsReader() {
    }

    static FreeSlots read(JsonFactory json, byte[] availability, int earliest) {
        try (JsonParser parser = json.createParser(availability)) {
            List<FreeSlot> kept = new ArrayList<>();
            int count = 0;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("booking-service's availability is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean days = "days".equals(parser.currentName());
                if (parser.nextToken() != JsonToken.START_ARRAY || !days) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        boolean slots = "slots".equals(parser.currentName());
                        if (parser.nextToken() != JsonToken.START_ARRAY || !slots) {
                            parser.skipChildren();
                            continue;
                        }
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            if (kept.size() < earliest) {
                                kept.add(slot(parser));
                            } else {
                                parser.skipChildren();
                            }
                            count++;
                        }
                    }
                }
            }
            return new FreeSlots(List.copyOf(kept), count);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Unreadable availability from booking-service", e);
        }
    }

    private static FreeSlot slot(JsonParser parser) throws IOException {
        OffsetDateTime start = null;
        OffsetDateTime end = null;
        List<UUID> staffIds = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            parser.nextToken();
            switch (member) {
                case "start" -> start = OffsetDateTime.parse(parser.getText());
                case "end" -> end = OffsetDateTime.parse(parser.getText());
                case "staffIds" -> staffIds = staffIds(parser);
                default -> parser.skipChildren();
            }
        }
        if (start == null || end == null) {
            throw new IOException("a slot without its start or end");
        }
        return new FreeSlot(start, end, staffIds);
    }

    private static List<UUID> staffIds(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                ids.add(UUID.fromString(parser.getText()));
            } else {
                parser.skipChildren();
            }
        }
        return List.copyOf(ids);
    }
}
