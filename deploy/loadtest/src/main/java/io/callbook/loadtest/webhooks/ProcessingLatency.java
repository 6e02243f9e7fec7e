package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.ResponseStats;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How long a run's events waited between being received (stored, acknowledged) and processed, from the inbox's own
 * timestamps. An event counts as processed only when it was processed within {@code settle} of the last event's
 * arrival; later or never is an error, like a time-out on the client side.
 */
public final class ProcessingLatency {

    /** One inbox row as the event list shows it; {@code processedAt} null while it is not processed. */
    public record Event(Instant receivedAt, Instant processedAt) {
    }

    /**
     * @param stats       total events, ok = processed in time, ko = the rest; percentiles over the processed ones (ms)
     * @param lastArrival the last event's received_at: the end of the run as the service saw it
     */
    public record Outcome(ResponseStats stats, Instant lastArrival) {
    }

    private ProcessingLatency() {
    }

    public static Outcome of(List<Event> events, Duration settle) {
        Instant lastArrival = events.stream().map(Event::receivedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Instant deadline = lastArrival.plus(settle);
        long[] millis = events.stream()
                .filter(e -> e.processedAt() != null && !e.processedAt().isAfter(deadline))
                .mapToLong(e -> Duration.between(e.receivedAt(), e.processedAt()).toMillis())
                .sorted().toArray();
        long total = events.size();
        long mean = millis.length == 0 ? 0 : Math.round(Arrays.stream(millis).average().orElse(0));
        ResponseStats stats = new ResponseStats(total, millis.length, total - millis.length, percentile(millis, 50),
                percentile(millis, 95), percentile(millis, 99), millis.length == 0 ? 0 : (int) millis[millis.length - 1],
                (int) mean);
        return new Outcome(stats, lastArrival);
    }

    /** Nearest rank, as Gatling reports its percentiles. */
    static int percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return (int) sorted[Math.max(0, rank - 1)];
    }
}
