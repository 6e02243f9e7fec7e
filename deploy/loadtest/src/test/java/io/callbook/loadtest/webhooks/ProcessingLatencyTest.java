package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.ResponseStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcessingLatencyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void percentilesOverProcessedEventsAndLateOrMissingOnesAsErrors() {
        List<ProcessingLatency.Event> events = new ArrayList<>();
        for (int i = 1; i <= 100; i++) { // received one per 10 ms, processed i ms later
            Instant received = T0.plusMillis(i * 10L);
            events.add(new ProcessingLatency.Event(received, received.plusMillis(i)));
        }
        Instant last = T0.plusMillis(1_000);
        events.add(new ProcessingLatency.Event(last, null));                      // never processed
        events.add(new ProcessingLatency.Event(last, last.plusSeconds(11)));      // after the settle time

        ProcessingLatency.Outcome outcome = ProcessingLatency.of(events, Duration.ofSeconds(10));

        ResponseStats stats = outcome.stats();
        assertEquals(102, stats.total());
        assertEquals(100, stats.ok());
        assertEquals(2, stats.ko());
        assertEquals(50, stats.p50());
        assertEquals(95, stats.p95());
        assertEquals(99, stats.p99());
        assertEquals(100, stats.max());
        assertEquals(51, stats.mean());
        assertEquals(last, outcome.lastArrival());
    }

    @Test
    void noEventsIsNoLatency() {
        ResponseStats stats = ProcessingLatency.of(List.of(), Duration.ofSeconds(1)).stats();
        assertEquals(0, stats.total());
        assertEquals(0, stats.p99());
    }
}
