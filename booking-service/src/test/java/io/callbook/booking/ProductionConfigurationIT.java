package io.callbook.booking;

import io.callbook.testsupport.ServiceProductionConfigurationTests;

class ProductionConfigurationIT extends ServiceProductionConfigurationTests {

    @Override
    protected String database() {
        return "booking_prod";
    }
}
