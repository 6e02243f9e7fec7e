package io.callbook.resolver;

import io.callbook.devstack.Devstack;
import io.callbook.testsupport.ServiceProductionConfigurationTests;

import java.util.Map;

class ProductionConfigurationIT extends ServiceProductionConfigurationTests {

    @Override
    protected String database() {
        return "resolver_prod";
    }

    /** The token keys and the agent exchange secret: only this service has them. */
    @Override
    protected Map<String, String> ownSettings(Devstack stack) {
        return stack.signingConfig();
    }
}
