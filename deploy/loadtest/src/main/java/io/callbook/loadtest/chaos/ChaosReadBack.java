package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.Pause;
import io.callbook.loadtest.harness.RequestTimeline.Request;
import io.callbook.loadtest.mix.MixSimulation;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * After the load: waits (at most --settle) until the suite has caught up — the run's inbox processed, every outbox
 * published, every consumer group with members at lag 0 — then decides, per request the suite acknowledged, whether
 * what it stands for is there exactly once: a call event (202) stored, processed (status done, its call in the call
 * log) and processed once (one "processed" event written); a booking answer's appointment present and live.
 */
final class ChaosReadBack {

    /** Inbox statuses that the worker has still to finish. */
    private static final Set<String> PENDING = Set.of("received", "processing", "failed");

    /**
     * @param fates        per request key, what the read-back found
     * @param inboxStatuses the run's inbox by status
     * @param outboxLeft   per database, rows still unpublished
     * @param lag          per consumer group with members, messages not yet consumed
     * @param caughtUp     whether everything drained within the settle time
     */
    record Outcome(Map<String, FaultWindows.Fate> fates, Map<String, Integer> inboxStatuses, Map<String, Long> outboxLeft,
                   Map<String, Long> lag, boolean caughtUp, List<String> notes) {

        long outboxRowsLeft() {
            return outboxLeft.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalLag() {
            return lag.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final SuiteLedger ledger;
    private final PrintStream out;

    ChaosReadBack(SuiteLedger ledger, PrintStream out) {
        this.ledger = ledger;
        this.out = out;
    }

    Outcome check(List<Request> requests, String integrationId, Duration settle) {
        out.printf("Waiting up to %s for the suite to catch up (inbox processed, outboxes published, consumers at lag 0) ...%n",
                DurationText.format(settle));
        long deadline = System.nanoTime() + settle.toNanos();
        Map<String, SuiteLedger.StoredEvent> inbox;
        Map<String, Long> outboxLeft;
        Map<String, Long> lag;
        boolean caughtUp;
        while (true) {
            inbox = ledger.inbox(integrationId);
            outboxLeft = ledger.unpublishedOutbox();
            lag = ledger.consumerLag();
            caughtUp = inbox.values().stream().noneMatch(event -> PENDING.contains(event.status()))
                    && outboxLeft.values().stream().allMatch(left -> left == 0)
                    && lag.values().stream().allMatch(behind -> behind == 0);
            if (caughtUp || System.nanoTime() > deadline) {
                break;
            }
            Pause.sleep(Duration.ofSeconds(2), "waiting for the suite to catch up");
        }
        Set<String> calls = ledger.calls(integrationId);
        List<String> appointmentIds = requests.stream()
                .filter(r -> r.ok() && r.key() != null && r.name().equals(MixSimulation.BOOK_LABEL))
                .map(Request::key).toList();
        Map<String, String> appointments = ledger.appointments(appointmentIds);

        Map<String, FaultWindows.Fate> fates = new HashMap<>();
        Map<String, Integer> lostWhy = new TreeMap<>();
        for (Request request : requests) {
            if (!request.ok() || request.key() == null) {
                continue;
            }
            String why = request.name().equals(MixSimulation.BOOK_LABEL)
                    ? bookingLost(appointments.get(request.key()))
                    : eventLost(inbox.get(request.key()), calls, request.key());
            if (why != null) {
                fates.put(request.key(), FaultWindows.Fate.LOST);
                lostWhy.merge(why, 1, Integer::sum);
            } else if (!request.name().equals(MixSimulation.BOOK_LABEL) && inbox.get(request.key()).processedEvents() > 1) {
                fates.put(request.key(), FaultWindows.Fate.DUPLICATED);
            } else {
                fates.put(request.key(), FaultWindows.Fate.KEPT);
            }
        }
        Map<String, Integer> statuses = new TreeMap<>(inbox.values().stream()
                .collect(Collectors.groupingBy(SuiteLedger.StoredEvent::status, Collectors.summingInt(event -> 1))));
        List<String> notes = new ArrayList<>();
        if (!lostWhy.isEmpty()) {
            notes.add("Lost: " + lostWhy.entrySet().stream().map(entry -> entry.getValue() + " × " + entry.getKey())
                    .collect(Collectors.joining(", ")) + ".");
        }
        return new Outcome(fates, statuses, outboxLeft, lag, caughtUp, notes);
    }

    /** Why an acknowledged call event is not processed, or null when it is. */
    private static String eventLost(SuiteLedger.StoredEvent stored, Set<String> calls, String key) {
        if (stored == null) {
            return "call event acknowledged but not in the inbox";
        }
        if (!stored.status().equals("done")) {
            return "call event " + stored.status() + " in the inbox";
        }
        if (!calls.contains(key.substring(0, key.lastIndexOf(':')))) {
            return "call event processed but its call not in the call log";
        }
        return null;
    }

    /** Why a booking the caller was told of is not there, or null when it is. */
    private static String bookingLost(String status) {
        if (status == null) {
            return "appointment confirmed to the caller but not in booking-service";
        }
        return status.equals("cancelled") || status.equals("expired") ? "appointment confirmed but " + status : null;
    }
}
