package io.callbook.perfops.analysis.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementWindowTest {

    private static final Instant MONDAY = Instant.parse("2026-12-07T04:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-08T04:00:00Z");

    @Test
    void theFirstWindowStartsAtTheOldestEntry() {
        StatementSnapshot now = snapshot(TUESDAY, 0, stat(1, 10, 100, MONDAY), stat(2, 5, 50, MONDAY.minusSeconds(60)));

        StatementWindow window = StatementWindow.between(Optional.empty(), now);

        assertTrue(window.first());
        assertEquals(MONDAY.minusSeconds(60), window.from());
        assertEquals(List.of(1L, 2L), window.activity().stream().map(StatementStat::queryId).toList());
    }

    @Test
    void aWindowIsTheDifferenceSinceThePreviousSnapshot() {
        StatementSnapshot before = snapshot(MONDAY, 3, stat(1, 10, 100, MONDAY), stat(2, 5, 50, MONDAY));
        StatementSnapshot now = snapshot(TUESDAY, 3, stat(1, 25, 160, MONDAY), stat(2, 5, 50, MONDAY));

        StatementWindow window = StatementWindow.between(Optional.of(before), now);

        assertEquals(MONDAY, window.from());
        assertEquals(1, window.activity().size(), "statement 2 was not called");
        StatementStat one = window.activity().getFirst();
        assertEquals(15, one.calls());
        assertEquals(60, one.totalMs(), 1e-9);
        assertEquals(4, one.meanMs(), 1e-9);
        assertEquals(List.of(), window.notes());
    }

    @Test
    void anEvictedOrResetEntryCountsWholeAndIsNoted() {
        StatementSnapshot before = snapshot(MONDAY, 3, stat(1, 10, 100, MONDAY), stat(2, 5, 50, MONDAY));
        Instant readded = MONDAY.plusSeconds(3600);
        StatementSnapshot now = snapshot(TUESDAY, 5, stat(1, 4, 40, readded));

        StatementWindow window = StatementWindow.between(Optional.of(before), now);

        assertEquals(4, window.activity().getFirst().calls());
        assertEquals(2, window.notes().size(), window.notes().toString());
        assertTrue(window.notes().getFirst().startsWith("2 eviction rounds"));
        assertTrue(window.notes().get(1).startsWith("1 statements counted again from zero and 1 no longer tracked"));
    }

    private static StatementSnapshot snapshot(Instant at, long dealloc, StatementStat... stats) {
        return new StatementSnapshot(at, dealloc, MONDAY.minusSeconds(86_400), List.of(stats));
    }

    private static StatementStat stat(long id, long calls, double totalMs, Instant since) {
        return new StatementStat(id, 10, true, "SELECT " + id, calls, totalMs, calls, since);
    }
}
