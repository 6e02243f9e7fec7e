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
        long base = first.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, max.toMillis());
        // Between half and all of the exponential delay ("equal jitter").
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
