package io.callbook.perfops;

import io.callbook.devstack.Devstack;
import io.callbook.testsupport.ServiceProductionConfigurationTests;

import java.util.Map;

class ProductionConfigurationIT extends ServiceProductionConfigurationTests {

    @Override
    protected String database() {
        return "perfops_prod";
    }

    /** The watched services are not running; perf-ops starts without reaching them. */
    @Override
    protected Map<String, String> ownSettings(Devstack stack) {
        String database = stack.jdbcUrl(database());
        return Map.of("callbook.ops.services.resolver.urls", "http://127.0.0.1:9",
                "callbook.ops.services.booking.urls", "http://127.0.0.1:9",
                "callbook.ops.services.webhook.urls", "http://127.0.0.1:9",
                "callbook.ops.services.perf-ops.urls", "http://127.0.0.1:9",
                "callbook.ops.services.resolver.jdbc-url", database,
                "callbook.ops.services.booking.jdbc-url", database,
                "callbook.ops.services.webhook.jdbc-url", database);
    }
}
