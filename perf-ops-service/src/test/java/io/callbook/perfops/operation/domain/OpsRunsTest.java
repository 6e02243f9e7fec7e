package io.callbook.perfops.operation.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpsRunsTest {

    @Test
    void progressCoversTheWholeRunAndNeverClaimsDoneBeforeTheEnd() {
        assertEquals(0, OpsRuns.percent(0, 2, 0));
        assertEquals(25, OpsRuns.percent(0, 2, 0.5));
        assertEquals(50, OpsRuns.percent(1, 2, 0));
        assertEquals(99, OpsRuns.percent(1, 2, 1));
        assertEquals(99, OpsRuns.percent(0, 1, 7));
        assertEquals(0, OpsRuns.percent(0, 3, -1));
    }

    @Test
    void stepsRunInTheirOrderWhateverTheOptions() {
        assertEquals(java.util.List.of("cache", "pool", "analyze", "indexes"),
                new OptimizeOptions(true, true, true, true, false).steps());
        assertEquals(java.util.List.of(), new OptimizeOptions(false, false, false, false, true).steps());
    }
}
