package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.RequestTimeline.Request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits a run's requests by fault. A fault's window runs from its start to the next fault's start (the last one's
 * to the end of the load), so what fails while the suite recovers counts against the fault that caused it; the calm
 * lead-in before the first fault is the baseline.
 */
final class FaultWindows {

    static final String BASELINE = "baseline (no fault)";

    /** What became of a request's key in the read-back. */
    enum Fate {
        KEPT, LOST, DUPLICATED
    }

    /**
     * @param during    requests started while the fault lasted
     * @param errors    failed requests started in the window
     * @param recovery  see {@link #recovery}
     * @param lost      acknowledged call events and confirmed bookings started in the window that the read-back misses
     * @param lostKeys  a few of those, for the notes
     */
    record Row(String label, Duration length, long during, long errors, Duration recovery, long lost, long duplicated,
               List<String> lostKeys) {
    }

    private FaultWindows() {
    }

    /**
     * @param faults    in the order injected
     * @param loadStart when the load began
     * @param loadEnd   when the last request ended
     * @param fates     the read-back's verdict per request key; keys without a verdict count as kept
     */
    static List<Row> rows(List<Request> requests, List<FaultInjector.Injected> faults, long loadStart, long loadEnd,
                          Map<String, Fate> fates) {
        List<Row> rows = new ArrayList<>();
        long firstFault = faults.isEmpty() ? loadEnd : faults.get(0).startNanos();
        rows.add(row(BASELINE, requests, loadStart, loadStart, firstFault, firstFault, fates));
        for (int i = 0; i < faults.size(); i++) {
            FaultInjector.Injected fault = faults.get(i);
            long windowEnd = i + 1 < faults.size() ? faults.get(i + 1).startNanos() : Math.max(loadEnd, fault.endNanos());
            rows.add(row(fault.label(), requests, fault.startNanos(), fault.endNanos(), windowEnd, fault.endNanos(), fates));
        }
        return rows;
    }

    /**
     * From the fault's end until each kind of request that failed in the window (a step of the calls, the admin
     * reads) succeeded again, sent after the end; when none failed, until the first success sent after the end. Null
     * while a kind has not succeeded again.
     *
     * @param window the requests started from the fault's start on
     */
    static Duration recovery(List<Request> requests, List<Request> window, long faultEnd) {
        Set<String> failed = window.stream().filter(r -> !r.ok()).map(Request::name).collect(Collectors.toSet());
        long recoveredAt = Long.MIN_VALUE;
        for (String kind : failed.isEmpty() ? Set.<String>of("") : failed) {
            OptionalLong firstSuccess = requests.stream()
                    .filter(r -> r.ok() && r.startNanos() >= faultEnd && (kind.isEmpty() || r.name().equals(kind)))
                    .mapToLong(Request::endNanos).min();
            if (firstSuccess.isEmpty()) {
                return null;
            }
            recoveredAt = Math.max(recoveredAt, firstSuccess.getAsLong());
        }
        return Duration.ofNanos(Math.max(0, recoveredAt - faultEnd));
    }

    private static Row row(String label, List<Request> requests, long start, long faultEnd, long windowEnd,
                           long recoveryFrom, Map<String, Fate> fates) {
        List<Request> window = requests.stream().filter(r -> r.startNanos() >= start && r.startNanos() < windowEnd).toList();
        boolean baseline = faultEnd == start;
        long during = baseline ? window.size() : window.stream().filter(r -> r.startNanos() <= faultEnd).count();
        long errors = window.stream().filter(r -> !r.ok()).count();
        Duration recovery = recovery(requests, window, recoveryFrom);
        List<String> lostKeys = new ArrayList<>();
        long lost = 0;
        long duplicated = 0;
        for (Request request : window) {
            Fate fate = request.key() == null ? null : fates.get(request.key());
            if (fate == Fate.LOST) {
                lost++;
                if (lostKeys.size() < 5) {
                    lostKeys.add(request.key());
                }
            } else if (fate == Fate.DUPLICATED) {
                duplicated++;
            }
        }
        return new Row(label, Duration.ofNanos((baseline ? windowEnd : faultEnd) - start), during, errors, recovery, lost,
                duplicated,
                List.copyOf(lostKeys));
    }
}
