package io.callbook.common.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Rate-limit settings for tests; the redis timeout is generous, as a busy test machine may answer slowly. */
record Limits(boolean enabled, int defaultLimit, Duration window, Map<String, Route> routes, int maxBuckets,
              TenantQuota tenantQuota, ClientAddress clientAddress) implements RateLimitConfig {

    /** So long that no test runs across the end of a window (windows are aligned to the epoch). */
    static final Duration CENTURY = Duration.ofDays(36_500);

    static Limits of(int defaultLimit) {
        return new Limits(true, defaultLimit, CENTURY, Map.of(), 100_000, new Quota(1_000_000, Map.of()),
                new Proxies(List.of()));
    }

    Limits route(String name, int limit) {
        Map<String, Route> more = new HashMap<>(routes);
        more.put(name, new RouteLimit(limit, Optional.empty()));
        return new Limits(enabled, defaultLimit, window, Map.copyOf(more), maxBuckets, tenantQuota, clientAddress);
    }

    Limits disabled() {
        return new Limits(false, defaultLimit, window, routes, maxBuckets, tenantQuota, clientAddress);
    }

    Limits maxBuckets(int max) {
        return new Limits(enabled, defaultLimit, window, routes, max, tenantQuota, clientAddress);
    }

    Limits tenantQuota(int limit, Map<UUID, Integer> tenants) {
        Map<String, Integer> byId = new HashMap<>();
        tenants.forEach((tenant, own) -> byId.put(tenant.toString(), own));
        return new Limits(enabled, defaultLimit, window, routes, maxBuckets, new Quota(limit, Map.copyOf(byId)),
                clientAddress);
    }

    Limits trustedProxies(String... ranges) {
        return new Limits(enabled, defaultLimit, window, routes, maxBuckets, tenantQuota, new Proxies(List.of(ranges)));
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

    record Quota(int limit, Map<String, Integer> tenants) implements TenantQuota {
        @Override
        public Optional<Duration> window() {
            return Optional.empty();
        }
    }

    record Proxies(List<String> ranges) implements ClientAddress {
        @Override
        public Optional<List<String>> trustedProxies() {
            return ranges.isEmpty() ? Optional.empty() : Optional.of(ranges);
        }
    }
}
