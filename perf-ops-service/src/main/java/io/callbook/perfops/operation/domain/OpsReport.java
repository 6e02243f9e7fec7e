package io.callbook.perfops.operation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One optimize run and, once its steps have run, what they found and did. */
@Entity
@Table(name = "ops_report")
public class OpsReport extends PanacheEntityBase {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    /** Who asked for a run. */
    public static final String API = "api";
    public static final String SCHEDULE = "schedule";

    @Id
    public UUID id;

    /** {@link #API} or {@link #SCHEDULE}. */
    public String trigger;

    /** The token's subject, or the schedule's name. */
    @Column(name = "requested_by")
    public String requestedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    public OptimizeOptions options;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** 0–100 over all steps of the run. */
    public int progress;

    /** The running step and what it does now, e.g. "analyze: booking, EXPLAIN 4 of 12". */
    @Column(name = "current_step")
    public String currentStep;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<StepResult> steps = new ArrayList<>();

    /** Findings no earlier run of the same step gave (and not accepted in config); what --fail-on-new-advice fails on. */
    @Column(name = "new_findings")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Finding> newFindings = new ArrayList<>();

    /** Why the run, or one of its steps, failed. */
    public String error;
}
