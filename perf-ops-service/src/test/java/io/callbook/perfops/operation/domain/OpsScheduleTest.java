package io.callbook.perfops.operation.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OpsScheduleTest {

    private final OpsSchedule schedule;
    private final OpsReports reports;

    OpsScheduleTest(OpsSchedule schedule, OpsReports reports) {
        this.schedule = schedule;
        this.reports = reports;
    }

    @Test
    void aScheduledRunHappensOncePerClusterEvenWhenEveryReplicaFiresIt() {
        OptimizeOptions poolCheck = new OptimizeOptions(false, false, true, false, false);
        String name = OpsSchedule.POOL_CHECK + "-" + System.nanoTime();

        assertTrue(schedule.start(name, poolCheck), "the first replica runs it");
        assertFalse(schedule.start(name, poolCheck), "a replica firing the same schedule a moment later leaves it");

        await().atMost(Duration.ofSeconds(60)).until(() -> runsOf(name).stream()
                .allMatch(report -> report.status != OpsReport.Status.RUNNING));
        assertEquals(1, runsOf(name).size());
    }

    private List<OpsReport> runsOf(String schedule) {
        return QuarkusTransaction.requiringNew().call(() -> reports.page(Optional.empty(), 50).stream()
                .filter(report -> report.trigger.equals(OpsReport.SCHEDULE) && report.requestedBy.equals(schedule))
                .toList());
    }
}
