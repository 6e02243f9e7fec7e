package io.callbook.loadtest.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request of a run with when it started and ended and whether it got its expected answer, for a bench that must
 * know what happened when (the chaos bench: what failed during a fault, when requests succeeded again). Gatling creates
 * the simulation itself, in this JVM, so the bench hands the timeline over through {@link #open()} and
 * {@link #current()}. Its simulation also sends as long as the timeline is open and stops once it is closed.
 */
public final class RequestTimeline {

    /**
     * @param key what the request stands for, to be found again afterwards (e.g. "call-7:call_ended", an appointment
     *            id); null when nothing
     */
    public record Request(String name, long startNanos, long endNanos, boolean ok, String key) {
    }

    private static volatile RequestTimeline current;

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private volatile boolean open = true;

    private RequestTimeline() {
    }

    /** A new timeline that the next simulation records into. */
    public static RequestTimeline open() {
        RequestTimeline timeline = new RequestTimeline();
        current = timeline;
        return timeline;
    }

    /** The timeline a simulation records into; fails when no bench opened one. */
    public static RequestTimeline current() {
        RequestTimeline timeline = current;
        if (timeline == null) {
            throw new IllegalStateException("No request timeline is open: this simulation runs from its bench only");
        }
        return timeline;
    }

    /** Whether the simulation should go on sending. */
    public boolean isOpen() {
        return open;
    }

    /** Users finish what they do and stop; the run ends when the last one is done. */
    public void close() {
        open = false;
    }

    public void record(String name, long startNanos, long endNanos, boolean ok, String key) {
        requests.add(new Request(name, startNanos, endNanos, ok, key));
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }
}
