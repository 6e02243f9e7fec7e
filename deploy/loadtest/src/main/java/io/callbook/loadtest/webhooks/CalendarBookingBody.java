package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.JsonText;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a Cal.com-style booking webhook, {@code {triggerEvent, createdAt, payload: {uid, startTime, endTime,
 * attendees}}}: the one place to adjust when the provider's shape moves.
 */
public final class CalendarBookingBody {

    private CalendarBookingBody() {
    }

    /** A BOOKING_CREATED of 30 minutes; the uid makes it a booking of its own. */
    public static String created(String uid, Instant start) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("uid", uid);
        payload.put("title", "Haircut");
        payload.put("startTime", start.truncatedTo(ChronoUnit.SECONDS).toString());
        payload.put("endTime", start.plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        payload.put("attendees", List.of(Map.of("name", "Load Test", "email", "loadtest@example.org",
                "timeZone", "Europe/Berlin")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("triggerEvent", "BOOKING_CREATED");
        body.put("createdAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("payload", payload);
        return JsonText.of(body);
    }
}
