package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.metrics.SelfScrapeProfile;
import io.callbook.perfops.operation.domain.Finding;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.ReportTable;
import io.callbook.perfops.operation.domain.StepContext;
import io.callbook.perfops.operation.domain.StepResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SelfScrapeProfile.class)
class PoolCheckTest {

    @Inject
    PoolCheck pool;

    @Test
    void readsEveryReplicasPoolAndReportsProgress() {
        List<Double> progress = new ArrayList<>();
        StepContext context = new StepContext(UUID.randomUUID(), new OptimizeOptions(false, false, true, false, true),
                (fraction, message) -> progress.add(fraction));

        StepResult result = pool.run(context);

        assertEquals("pool", result.step());
        ReportTable table = result.tables().getFirst();
        assertEquals(PoolCheck.COLUMNS, table.columns());
        List<String> own = table.rows().stream().filter(row -> row.get(0).equals("perf-ops")).findFirst().orElseThrow();
        assertTrue(own.get(2).matches("\\d+"), "active connections: " + own);
        assertTrue(own.get(3).matches("\\d+"), "idle connections: " + own);
        assertTrue(table.rows().stream().anyMatch(row -> row.get(0).equals("booking") && row.get(2).startsWith("down")),
                "a service that does not run shows as down: " + table.rows());
        assertTrue(result.actions().isEmpty(), "pool only reads");
        assertEquals(1.0, progress.getLast());
    }

    @Test
    void findsAPoolOverTheLimitWaitingThreadsAndLeaks() {
        List<Finding> findings = pool.findings("booking", "http://10.0.0.7:8080",
                new SuiteMetrics.Pool(30, 0, 4, 32, 12.0, 2));

        assertEquals(List.of("pool:booking:usage", "pool:booking:waiting", "pool:booking:leaks"),
                findings.stream().map(Finding::key).toList());
        assertTrue(findings.stream().allMatch(finding -> finding.kind().equals("pool")));
        assertTrue(pool.findings("booking", "http://10.0.0.7:8080", new SuiteMetrics.Pool(3, 5, 0, 32, 0.1, 0))
                .isEmpty());
    }
}
