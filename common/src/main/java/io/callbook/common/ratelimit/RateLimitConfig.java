package io.callbook.common.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
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

    /**
     * Counters (one per client, route and window) a replica keeps in memory at most; beyond it the least recently
     * used are dropped, so neither many clients nor a long Redis outage can exhaust the heap.
     */
    @WithDefault("100000")
    int maxBuckets();

    Map<String, Route> routes();

    TenantQuota tenantQuota();

    ClientAddress clientAddress();

    interface Route {
        int limit();

        Optional<Duration> window();
    }

    /** Requests of one tenant's tokens over all routes of a service. */
    interface TenantQuota {

        @WithDefault("600000")
        int limit();

        Optional<Duration> window();

        /** Tenants with a quota of their own: company id → limit. */
        Map<String, Integer> tenants();
    }

    interface ClientAddress {

        /**
         * Addresses or CIDR ranges of the reverse proxies in front of the service. Only a request coming from one of
         * them may name its client in {@code X-Forwarded-For}; unset, the header is ignored.
         */
        Optional<List<String>> trustedProxies();
    }
}
