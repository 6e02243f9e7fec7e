package io.callbook.perfops;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.callbook.testsupport.ServiceNativeConfigurationTests;
import io.callbook.common.contracts.ops.CachesWarmed;
import io.callbook.perfops.loadtest.domain.BenchSummary;
import io.callbook.perfops.operation.domain.Finding;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.ReportTable;
import io.callbook.perfops.operation.domain.StepResult;

/** The native configuration every service needs (see the base class), and what only this one reads reflectively. */
class NativeConfigurationIT extends ServiceNativeConfigurationTests {

    @Test
    void embedsTheDashboard() throws Exception {
        sources().assertEmbedsAllUnder(Path.of("src/main/resources"), "templates");
        sources().assertEmbedsAllUnder(Path.of("src/main/resources"), "META-INF/resources");
    }

    @Test
    void registersWhatJacksonReadsOutsideRest() {
        // OpsReport's JSON columns and the stored load-test summaries, and the replies to warm-cache commands.
        for (Class<?> type : new Class<?>[] {OptimizeOptions.class, StepResult.class, ReportTable.class, Finding.class,
                BenchSummary.class, CachesWarmed.class, CachesWarmed.Cache.class}) {
            sources().assertReflective(type);
        }
    }
}
