package io.callbook.perfops.dashboard.api;

import io.callbook.devstack.Ports;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * perf-ops watching itself: the suite it scrapes is this test instance alone, so the dashboard's charts get real
 * metrics. The instance needs a management port known before it starts (its own scrape target), picked once per JVM.
 */
public class DashboardTestProfile implements QuarkusTestProfile {

    private static final String PORT_PROPERTY = "callbook.test.dashboard-port";

    @Override
    public Map<String, String> getConfigOverrides() {
        String port = port();
        return Map.of(
                "quarkus.management.test-port", port,
                "callbook.ops.services.perf-ops.urls", "http://127.0.0.1:" + port,
                // Tests collect metrics themselves by default; the dashboard's feed needs the real schedule.
                "callbook.ops.metrics.scrape-enabled", "true",
                "quarkus.datasource.metrics.enabled", "true");
    }

    // A system property, not a static field: the profile is instantiated in more than one class loader.
    private static synchronized String port() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = String.valueOf(Ports.freeForRebinding());
            System.setProperty(PORT_PROPERTY, port);
        }
        return port;
    }
}
