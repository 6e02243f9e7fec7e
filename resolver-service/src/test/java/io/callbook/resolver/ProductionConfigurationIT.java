package io.callbook.resolver;

import io.callbook.testsupport.ServiceProductionConfigurationTests;

class ProductionConfigurationIT extends ServiceProductionConfigurationTests {

    @Override
    protected String database() {
        return "resolver_prod";
    }
}
