package io.callbook.booking;

import org.junit.jupiter.api.Test;

import io.callbook.testsupport.ServiceNativeConfigurationTests;
import io.callbook.booking.availability.infra.RedisAvailabilityCache;
import io.callbook.common.contracts.booking.AppointmentData;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.common.contracts.directory.CompanyData;
import io.callbook.common.contracts.webhook.CustomerErasureReports;

/** The native configuration every service needs (see the base class), and what only this one reads reflectively. */
class NativeConfigurationIT extends ServiceNativeConfigurationTests {

    @Test
    void registersWhatJacksonReadsOutsideRest() {
        sources().assertReflective(RedisAvailabilityCache.CachedDay.class);
        sources().assertReflective(AppointmentData.class);
        sources().assertReflective(BranchData.class);
        sources().assertReflective(CompanyData.class);
        sources().assertReflective(CustomerErasureReports.ErasureCompleted.class);
    }
}
