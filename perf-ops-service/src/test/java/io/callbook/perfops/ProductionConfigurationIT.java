package io.callbook.perfops;

import io.callbook.devstack.Devstack;
import io.callbook.testsupport.ServiceProductionConfigurationTests;

import java.util.Map;

class ProductionConfigurationIT extends ServiceProductionConfigurationTests {

    @Override
    protected String database() {
        return "perfops_prod";
    }

    @Override
    protected Map<String, String> ownSettings(Devstack stack) {
        return NothingToWatch.settings(stack.jdbcUrl(database()));
    }
}
