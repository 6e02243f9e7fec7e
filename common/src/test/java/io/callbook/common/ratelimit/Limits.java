package io.callbook.common.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Rate-limit settings for tests; the redis timeout is generous, as a busy test machine may answer slowly. */
record Limits(boolean enabled, int defaultLimit, Duration window, Map<String, Route> routes) implements RateLimitConfig {

    /** So long that no test runs across the end of a window (windows are aligned to the epoch). */
    static final Duration CENTURY = Duration.ofDays(36_500);

    static Limits of(int defaultLimit) {
        return new Limits(true, defaultLimit, CENTURY, Map.of());
    }

    Limits route(String name, int limit) {
        Map<String, Route> more = new java.util.HashMap<>(routes);
        more.put(name, new RouteLimit(limit, Optional.empty()));
        return new Limits(enabled, defaultLimit, window, Map.copyOf(more));
    }

    Limits disabled() {
        return new Limits(false, defaultLimit, window, routes);
    }

    @Override
    public Duration redisTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Duration flushInterval() {
        return Duration.ofMillis(100);
    }

    record RouteLimit(int limit, Optional<Duration> window) implements Route {
    }
}
