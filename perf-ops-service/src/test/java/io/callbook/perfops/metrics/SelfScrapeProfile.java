package io.callbook.perfops.metrics;

import io.callbook.devstack.Ports;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * perf-ops watching itself: its own replica is the suite's perf-ops service, whose management port (where /q/metrics
 * is) is fixed before start (the usual random test port is only known after start, too late for the configured URL). Agroal's meters are on, as common turns
 * them on for every service. The other services stay configured and are simply down.
 */
public class SelfScrapeProfile implements QuarkusTestProfile {

    public static final int PORT = Ports.freeForRebinding();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.management.test-port", Integer.toString(PORT),
                "callbook.ops.services.perf-ops.urls", "http://127.0.0.1:" + PORT,
                // a service that does not run: nothing listens on port 1
                "callbook.ops.services.booking.urls", "http://127.0.0.1:1",
                "quarkus.datasource.metrics.enabled", "true");
    }
}
