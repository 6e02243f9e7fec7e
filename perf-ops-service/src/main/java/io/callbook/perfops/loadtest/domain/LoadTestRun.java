package io.callbook.perfops.loadtest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One load test started through perf-ops: a bench of deploy/loadtest run as a child process against the suite. */
@Entity
@Table(name = "loadtest_run")
public class LoadTestRun {

    /** Time-ordered (UUIDv7): newest first is id descending, and the id is the page cursor. */
    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String bench;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public String[] args;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LoadTestStatus status;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "exit_code")
    public Integer exitCode;

    /** {@link BenchSummary} as JSON; null while running and when the bench printed no results. */
    public String summary;

    @Column(name = "log_tail")
    public String logTail;

    public String error;
}
