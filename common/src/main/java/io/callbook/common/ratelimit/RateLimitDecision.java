package io.callbook.common.ratelimit;

/** The outcome of counting one request; {@code resetSeconds} is when the current window ends. */
public record RateLimitDecision(boolean allowed, int limit, long remaining, long resetSeconds, boolean checked) {

    static RateLimitDecision unchecked(int limit) {
        return new RateLimitDecision(true, limit, limit, 0, false);
    }
}
