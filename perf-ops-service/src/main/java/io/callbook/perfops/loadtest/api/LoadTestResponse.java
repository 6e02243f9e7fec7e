package io.callbook.perfops.loadtest.api;

import io.callbook.perfops.loadtest.domain.BenchSummary;
import io.callbook.perfops.loadtest.domain.LoadTestRun;
import io.callbook.perfops.loadtest.domain.LoadTestStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A load test as the API shows it.
 *
 * @param summary the bench's results (table text, tables, notes); null while it runs or when it printed none
 * @param logTail the last lines of its output; only in the answer about one run
 */
public record LoadTestResponse(UUID id, String bench, List<String> args, String requestedBy, LoadTestStatus status,
                               Instant startedAt, Instant finishedAt, Integer exitCode, BenchSummary summary,
                               String error, String logTail) {

    static LoadTestResponse of(LoadTestRun run, BenchSummary summary, String logTail) {
        return new LoadTestResponse(run.id, run.bench, List.of(run.args), run.requestedBy, run.status, run.startedAt,
                run.finishedAt, run.exitCode, summary, run.error, logTail);
    }
}
