package io.callbook.loadtest.mix;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How fast the mix's simulated calls go, and so the suite-wide rate a number of concurrent calls makes, known before the
 * run and checked after it.
 *
 * <p>A call: {@code call_started} and the inbound hook as it comes in; after a think time a {@code check_availability},
 * in half the calls a second one after another think time, in the book share a {@code book_appointment} after another;
 * then {@code call_ended} and {@code call_analyzed}, each after one more. Each think time is drawn evenly from half to
 * one and a half of the mean and counts from the previous step's start, so an answer that comes within it does not
 * lengthen the call; a slower one does, as the agent waits for it.
 *
 * @param calls     concurrent calls: one starts when another ends
 * @param thinkTime mean time between a call's steps
 * @param bookShare the share of calls that book
 * @param adminRate tenant-admin reads per second beside the calls
 */
public record MixPace(int calls, Duration thinkTime, double bookShare, double adminRate) {

    /** The share of calls whose caller asks for a second day. */
    static final double SECOND_CHECK_SHARE = 0.5;

    public MixPace {
        if (calls < 1 || thinkTime.isZero() || thinkTime.isNegative() || bookShare < 0 || bookShare > 1 || adminRate < 0) {
            throw new IllegalArgumentException("A mix needs calls, a think time, a book share in 0..1 and an admin rate"
                    + " of 0 or more: " + this);
        }
    }

    /** started, inbound, one or two checks, a booking in some, ended, analyzed. */
    public double requestsPerCall() {
        return 2 + 1 + SECOND_CHECK_SHARE + bookShare + 2;
    }

    double thinksPerCall() {
        return 1 + SECOND_CHECK_SHARE + bookShare + 2;
    }

    /** As planned: answers that come within the think times add nothing. */
    public Duration meanCallLength() {
        return Duration.ofNanos(Math.round(thinkTime.toNanos() * thinksPerCall()));
    }

    public double callsPerSecond() {
        return calls / (meanCallLength().toNanos() / 1e9);
    }

    /** Requests per second over all steps and the admin reads, if every answer comes within its think time. */
    public double plannedRate() {
        return callsPerSecond() * requestsPerCall() + adminRate;
    }

    /** How long to wait after a step's answer: what is left of a freshly drawn think time since the step started. */
    Duration pauseAfter(long stepStartedNanos, long nowNanos, RandomGenerator random) {
        long think = Math.round(thinkTime.toNanos() * (0.5 + random.nextDouble()));
        return Duration.ofNanos(Math.max(0, think - (nowNanos - stepStartedNanos)));
    }
}
