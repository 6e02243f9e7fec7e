package io.callbook.perfops.analysis.domain;

import io.callbook.devstack.Devstack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * A database of its own on the devstack's PostgreSQL (pg_stat_statements loaded and installed), standing in for
 * booking-service's; the other services' databases are left out, since no suite runs beside the tests.
 */
public class ScratchDatabase implements QuarkusTestProfile {

    static final String NAME = "analysisprobe";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Map<String, String> service = Devstack.shared().serviceConfig(NAME);
            return Map.of(
                    "callbook.ops.services.booking.jdbc-url", service.get("quarkus.datasource.jdbc.url"),
                    "callbook.ops.services.booking.username", service.get("quarkus.datasource.username"),
                    "callbook.ops.services.booking.password", service.get("quarkus.datasource.password"));
        }

        @Override
        public void stop() {
            // the devstack stops with the JVM
        }
    }
}
