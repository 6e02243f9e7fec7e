package io.callbook.webhook;

import io.callbook.common.contracts.directory.CompanyData;
import io.callbook.common.contracts.booking.CustomerErasureEvents;
import io.callbook.common.contracts.webhook.CallActivityEvents;
import io.callbook.testsupport.ServiceNativeConfigurationTests;
import org.junit.jupiter.api.Test;

/** The native configuration every service needs (see the base class), and what only this one reads reflectively. */
class NativeConfigurationIT extends ServiceNativeConfigurationTests {

    @Test
    void registersWhatJacksonReadsOutsideRest() {
        sources().assertReflective(CompanyData.class);
        sources().assertReflective(CustomerErasureEvents.CustomerErased.class);
        sources().assertReflective(CallActivityEvents.Activity.class);
    }
}
