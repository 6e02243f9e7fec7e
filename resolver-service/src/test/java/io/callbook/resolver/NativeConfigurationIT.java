package io.callbook.resolver;

import org.junit.jupiter.api.Test;

import io.callbook.testsupport.ServiceNativeConfigurationTests;
import io.callbook.resolver.domain.Resolution;

/** The native configuration every service needs (see the base class), and what only this one reads reflectively. */
class NativeConfigurationIT extends ServiceNativeConfigurationTests {

    @Test
    void registersWhatJacksonReadsOutsideRest() {
        sources().assertReflective(Resolution.class);
    }
}
