package io.callbook.loadtest.chaos;

import io.callbook.loadtest.mix.BookedSlotsCheck;

import java.nio.file.Path;
import java.util.List;

/**
 * What a chaos run did and found.
 *
 * @param rows     a row per fault, after the baseline's
 * @param faults   the faults as injected (fewer than asked when one could not be done)
 * @param failure  why a fault could not be done; null when all were
 * @param report   Gatling's report folder
 */
record ChaosResult(List<FaultWindows.Row> rows, List<FaultInjector.Injected> faults, String failure,
                   ChaosReadBack.Outcome readBack, BookedSlotsCheck.Outcome slots, Path report) {

    long lost() {
        return rows.stream().mapToLong(FaultWindows.Row::lost).sum();
    }

    long duplicated() {
        return rows.stream().mapToLong(FaultWindows.Row::duplicated).sum();
    }

    /** A fault after which no request succeeded again. */
    boolean unrecovered() {
        return rows.stream().skip(1).anyMatch(row -> row.recovery() == null);
    }

    boolean flagged() {
        return lost() > 0 || duplicated() > 0 || slots.doubleBooked() || !readBack.caughtUp()
                || readBack.outboxRowsLeft() > 0 || readBack.totalLag() > 0 || unrecovered() || failure != null;
    }
}
