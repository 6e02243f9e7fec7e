package io.callbook.webhook.inbound.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so a failing dependency is not hit by every retry at the same moment. */
public final class RetrySchedule {

    private final Duration first;
    private final Duration max;

    public RetrySchedule(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** @param attempt the attempt that just failed, 1 for the first */
    public Duration delayAfter(int attempt) {
        long base = first.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        return jittered(Math.min(base, max.toMillis()));
    }

    /**
     * The wait after a failure that counted no attempt (an outage), from how long the event has been failing: as long
     * again, within the first and the longest delay. The waits grow like the exponential ones, without an attempt
     * count to grow with, so a long outage costs few retries and a short one is noticed soon after it ends.
     */
    public Duration delayWhileFailingFor(Duration failingFor) {
        long base = Math.max(first.toMillis(), failingFor.toMillis());
        return jittered(Math.min(base, max.toMillis()));
    }

    private static Duration jittered(long capped) {
        // Between half and all of the exponential delay ("equal jitter").
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
