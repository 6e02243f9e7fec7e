package io.callbook.loadtest.mix;

import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.ResponseStats;
import io.callbook.loadtest.webhooks.InboxReadBack;
import io.callbook.loadtest.webhooks.ProcessingLatency;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Whether every call event the service acknowledged was stored and processed: what the run counted as acknowledged,
 * per event type, against the inbox of the run's own integration (read back with {@link InboxReadBack}); processed
 * only when within {@code settle} of the last event's arrival (see {@link ProcessingLatency}).
 */
final class CallEventsCheck {

    /**
     * @param lost    acknowledged events the inbox does not hold
     * @param latency received → processed of the stored events; ok = processed in time, ko = late or never
     */
    record Outcome(long acknowledged, long stored, long lost, ResponseStats latency, String note) {

        long late() {
            return latency.ko();
        }
    }

    private CallEventsCheck() {
    }

    /** @param acknowledged per event type (e.g. call_started), the events the service answered 202 */
    static Outcome of(InboxReadBack.Events inbox, Map<String, Long> acknowledged, Duration settle) {
        long lost = acknowledged.entrySet().stream()
                .mapToLong(type -> Math.max(0, type.getValue() - inbox.types().getOrDefault(type.getKey(), 0)))
                .sum();
        long acked = acknowledged.values().stream().mapToLong(Long::longValue).sum();
        ResponseStats latency = ProcessingLatency.of(inbox.times(), settle).stats();
        String note = String.format(Locale.ROOT, "Call events read back from the inbox (GET /v1/webhooks/events): %d"
                        + " acknowledged, %d stored, %s; %s (statuses %s). Received → processed p50 %d, p95 %d, p99 %d,"
                        + " max %d ms.", acked, latency.total(), lost == 0 ? "none lost" : "LOST " + lost,
                latency.ko() == 0 ? "all processed within " + DurationText.format(settle) + " of the last arrival"
                        : latency.ko() + " not processed within " + DurationText.format(settle) + " of the last arrival",
                inbox.statuses(), latency.p50(), latency.p95(), latency.p99(), latency.max());
        return new Outcome(acked, latency.total(), lost, latency, note);
    }
}
