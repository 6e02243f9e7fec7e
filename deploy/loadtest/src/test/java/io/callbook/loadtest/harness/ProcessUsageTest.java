package io.callbook.loadtest.harness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CPU per operation from /proc ticks: the arithmetic, and reading the files it comes from. */
class ProcessUsageTest {

    private static final long TEN_SECONDS = 10_000_000_000L;

    @Test
    void cpuMillisPerOperationFromTicksAndCount() {
        // 150 ticks at 100 per second = 1.5 s of CPU over 10 s: 15 % of a core; 30 000 answers: 0.05 ms each
        ProcessUsage usage = ProcessUsage.of(150, 100, TEN_SECONDS, 512 * 1024);

        assertEquals(1_500, usage.cpuMillis(), 1e-9);
        assertEquals(15, usage.cpuPercent(), 1e-9);
        assertEquals(0.05, usage.cpuMillisPer(30_000), 1e-9);
        assertEquals(512, usage.peakRssMb());
    }

    @Test
    void noOperationsOrNoProcessGiveNoFigure() {
        assertTrue(Double.isNaN(ProcessUsage.of(150, 100, TEN_SECONDS, -1).cpuMillisPer(0)));
        assertTrue(Double.isNaN(ProcessUsage.UNKNOWN.cpuMillisPer(1_000)));
        assertTrue(Double.isNaN(ProcessUsage.UNKNOWN.cpuPercent()));
        assertFalse(ProcessUsage.UNKNOWN.isKnown());
        assertEquals(-1, ProcessUsage.of(1, 100, TEN_SECONDS, -1).peakRssMb());
    }

    @Test
    void processesServingTogetherAddUp() {
        ProcessUsage nginx = ProcessUsage.of(100, 100, TEN_SECONDS, 10 * 1024);
        ProcessUsage phpFpm = ProcessUsage.of(300, 100, TEN_SECONDS, 90 * 1024);

        ProcessUsage server = nginx.plus(phpFpm);

        assertEquals(4_000, server.cpuMillis(), 1e-9);
        assertEquals(40, server.cpuPercent(), 1e-9);
        assertEquals(100, server.peakRssMb());
        assertFalse(nginx.plus(ProcessUsage.UNKNOWN).isKnown());
    }

    @Test
    void statLineWithSpacesAndParenthesesInTheCommandName() {
        String line = "4242 (php-fpm: pool (resolve)) S 4200 4242 4242 0 -1 4194624 900 0 0 0 1234 567 89 10 20 0 1 0 "
                + "100 200000000 3000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";

        ProcFs.Stat stat = ProcFs.Stat.parse(4242, line);

        assertEquals(new ProcFs.Stat(4242, 4200, 1234 + 567, 89 + 10), stat);
    }

    /** A backend that ended during the run counts through its parent's cutime + cstime, a living one by itself. */
    @Test
    void aTreeCountsLivingDescendantsAndEndedChildren() {
        ProcFs.Stat postmaster = new ProcFs.Stat(10, 1, 50, 400);
        ProcFs.Stat backend = new ProcFs.Stat(11, 10, 200, 0);
        ProcFs.Stat worker = new ProcFs.Stat(12, 11, 30, 5);
        ProcFs.Stat stranger = new ProcFs.Stat(20, 1, 999, 0);
        Map<Long, List<ProcFs.Stat>> byParent = Map.of(1L, List.of(postmaster, stranger), 10L, List.of(backend),
                11L, List.of(worker));

        List<ProcFs.Stat> tree = ProcFs.descendants(postmaster, byParent);

        assertEquals(3, tree.size());
        assertEquals(50 + 400 + 200 + 30 + 5, ProcFs.treeTicks(tree));
    }

    @Test
    void machineBusyTicksLeaveOutIdleAndIowait() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals(100 + 2 + 30 + 4 + 5 + 6, ProcFs.busyTicks("cpu  100 2 30 5000 70 4 5 6 50 0"));
    }

    @Test
    void thisProcessCanBeRead() {
        long pid = ProcessHandle.current().pid();
        long own = ProcFs.ownTicks(pid);
        assertTrue(own > 0);
        // Read after the process's own ticks: this JVM keeps counting between the two reads.
        assertTrue(ProcFs.treeTicks(pid) >= own);
        assertTrue(ProcFs.rssKb(pid) > 0);
        assertTrue(ProcFs.machineBusyTicks() > 0);
        assertEquals(-1, ProcFs.ownTicks(Long.MAX_VALUE));
    }
}
