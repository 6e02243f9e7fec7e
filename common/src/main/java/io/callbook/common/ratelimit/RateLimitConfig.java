package io.callbook.common.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "callbook.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Requests allowed per client and route in one window, unless the route has its own limit. */
    @WithDefault("600")
    int defaultLimit();

    @WithDefault("1m")
    Duration window();

    /** How long a flush of the counts waits for Redis before trying again with the next one. */
    @WithDefault("500ms")
    Duration redisTimeout();

    /** How often each replica adds its counts to the shared ones in Redis. */
    @WithDefault("100ms")
    Duration flushInterval();

    Map<String, Route> routes();

    interface Route {
        int limit();

        Optional<Duration> window();
    }
}
