-- One row per ops run (optimize from the API, the CLI or the schedule). The result is the report as the API shows it;
-- it is written when each step ends, so a run's progress survives a restart of the replica that ran it.
CREATE TABLE ops_report (
    id           uuid PRIMARY KEY,
    trigger      text        NOT NULL,
    requested_by text        NOT NULL,
    options      jsonb       NOT NULL,
    status       text        NOT NULL,
    progress     integer     NOT NULL DEFAULT 0,
    current_step text,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    steps        jsonb       NOT NULL DEFAULT '[]',
    new_findings jsonb       NOT NULL DEFAULT '[]',
    error        text
);
