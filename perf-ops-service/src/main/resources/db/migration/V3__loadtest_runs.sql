-- One row per load test started through perf-ops (POST /v1/ops/loadtests or ./callbook ops bench): which bench with
-- which arguments, how it ended and its summary, kept beside the ops reports for a before-and-after view.
CREATE TABLE loadtest_run (
    id           uuid PRIMARY KEY,
    bench        text        NOT NULL,
    args         text[]      NOT NULL,
    requested_by text        NOT NULL,
    status       text        NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    exit_code    integer,
    -- JSON: the result table as printed, its figures as tables, the bench's notes (see BenchSummary)
    summary      text,
    log_tail     text,
    error        text
);

-- A bench loads the whole suite: one at a time, also across perf-ops replicas.
CREATE UNIQUE INDEX loadtest_run_one_running ON loadtest_run (status) WHERE status = 'RUNNING';
