package io.callbook.loadtest.mix;

import io.callbook.loadtest.webhooks.InboxReadBack;
import io.callbook.loadtest.webhooks.ProcessingLatency;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallEventsCheckTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Test
    void everyAcknowledgedEventStoredAndProcessedInTime() {
        CallEventsCheck.Outcome outcome = CallEventsCheck.of(inbox(3, 3, 3, 0),
                Map.of("call_started", 3L, "call_ended", 3L, "call_analyzed", 3L), SETTLE);

        assertEquals(9, outcome.acknowledged());
        assertEquals(9, outcome.stored());
        assertEquals(0, outcome.lost());
        assertEquals(0, outcome.late());
        assertTrue(outcome.note().contains("none lost; all processed within 10s"), outcome.note());
    }

    @Test
    void eventsMissingFromTheInboxAreLostPerType() {
        // one call_analyzed missing; a surplus call_started (stored, but its answer came too late) hides nothing
        CallEventsCheck.Outcome outcome = CallEventsCheck.of(inbox(4, 3, 2, 0),
                Map.of("call_started", 3L, "call_ended", 3L, "call_analyzed", 3L), SETTLE);

        assertEquals(1, outcome.lost());
        assertTrue(outcome.note().contains("LOST 1"), outcome.note());
    }

    @Test
    void eventsNotProcessedWithinTheSettleTimeAreLate() {
        CallEventsCheck.Outcome outcome = CallEventsCheck.of(inbox(2, 2, 2, 2),
                Map.of("call_started", 2L, "call_ended", 2L, "call_analyzed", 2L), SETTLE);

        assertEquals(0, outcome.lost());
        assertEquals(2, outcome.late());
        assertTrue(outcome.note().contains("2 not processed within 10s"), outcome.note());
    }

    /** Events received 10 ms apart and processed 5 ms later, but the last {@code unprocessed} never. */
    private static InboxReadBack.Events inbox(int started, int ended, int analyzed, int unprocessed) {
        int total = started + ended + analyzed;
        List<ProcessingLatency.Event> times = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Instant received = T0.plusMillis(10L * i);
            times.add(new ProcessingLatency.Event(received, i < total - unprocessed ? received.plusMillis(5) : null));
        }
        return new InboxReadBack.Events(times, Map.of("done", total - unprocessed, "received", unprocessed),
                Map.of("call_started", started, "call_ended", ended, "call_analyzed", analyzed));
    }
}
