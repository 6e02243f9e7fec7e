package io.callbook.perfops;

import io.callbook.devstack.Devstack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The settings a packaged perf-ops needs in production for the suite it watches, for tests that run it alone: the
 * services are not running (nothing listens on port 9, so they show as down) and their databases are perf-ops' own.
 */
public class NothingToWatch implements QuarkusTestResourceLifecycleManager {

    static Map<String, String> settings(String jdbcUrl) {
        return Map.of("callbook.ops.services.resolver.urls", "http://127.0.0.1:9",
                "callbook.ops.services.booking.urls", "http://127.0.0.1:9",
                "callbook.ops.services.webhook.urls", "http://127.0.0.1:9",
                "callbook.ops.services.perf-ops.urls", "http://127.0.0.1:9",
                "callbook.ops.services.resolver.jdbc-url", jdbcUrl,
                "callbook.ops.services.booking.jdbc-url", jdbcUrl,
                "callbook.ops.services.webhook.jdbc-url", jdbcUrl);
    }

    @Override
    public Map<String, String> start() {
        return settings(Devstack.shared().jdbcUrl("perfops"));
    }

    @Override
    public void stop() {
        // Nothing started.
    }
}
