-- Snapshots of pg_stat_statements per service database, taken by each analysis: the next one is diffed against the
-- latest, so the statistics never need resetting. Only the figures are kept; the query text is read afresh.
CREATE TABLE statement_snapshot (
    service     text        NOT NULL,
    taken_at    timestamptz NOT NULL,
    dealloc     bigint      NOT NULL,
    stats_reset timestamptz,
    PRIMARY KEY (service, taken_at)
);

CREATE TABLE statement_snapshot_entry (
    service     text             NOT NULL,
    taken_at    timestamptz      NOT NULL,
    queryid     bigint           NOT NULL,
    userid      bigint           NOT NULL,
    toplevel    boolean          NOT NULL,
    stats_since timestamptz,
    calls       bigint           NOT NULL,
    total_ms    double precision NOT NULL,
    rows        bigint           NOT NULL,
    PRIMARY KEY (service, taken_at, queryid, userid, toplevel),
    FOREIGN KEY (service, taken_at) REFERENCES statement_snapshot ON DELETE CASCADE
);
