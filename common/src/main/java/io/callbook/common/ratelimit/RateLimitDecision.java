package io.callbook.common.ratelimit;

/** The outcome of counting one request; {@code resetSeconds} is when the current window ends. */
public record RateLimitDecision(boolean allowed, int limit, long remaining, long resetSeconds) {
}
