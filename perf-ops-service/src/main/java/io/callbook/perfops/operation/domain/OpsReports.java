package io.callbook.perfops.operation.domain;

import io.callbook.common.api.Ids;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The stored reports. Each write is its own short transaction: a run takes minutes, and its progress must be visible
 * to other requests (and other replicas) while it goes on.
 */
@ApplicationScoped
public class OpsReports {

    @Transactional
    public OpsReport create(OptimizeOptions options, String trigger, String requestedBy) {
        OpsReport report = new OpsReport();
        report.id = Ids.newId();
        report.trigger = trigger;
        report.requestedBy = requestedBy;
        report.options = options;
        report.status = OpsReport.Status.RUNNING;
        report.startedAt = Instant.now();
        report.persist();
        return report;
    }

    /** Runs left RUNNING by a replica that stopped mid-run; called by whoever holds the run lock, so none is live. */
    @Transactional
    public int failInterrupted() {
        return OpsReport.update("status = :failed, error = :why, finishedAt = :now where status = :running",
                Parameters.with("failed", OpsReport.Status.FAILED).and("running", OpsReport.Status.RUNNING)
                        .and("why", "interrupted: the replica running it stopped").and("now", Instant.now()));
    }

    @Transactional
    public void progress(UUID id, int progress, String currentStep) {
        OpsReport.update("progress = ?1, currentStep = ?2 where id = ?3", progress, currentStep, id);
    }

    @Transactional
    public void addStep(UUID id, StepResult step) {
        OpsReport report = require(id);
        report.steps.add(step);
        // a new list, so Hibernate sees the JSON column as changed
        report.steps = new java.util.ArrayList<>(report.steps);
    }

    @Transactional
    public OpsReport finish(UUID id, List<Finding> newFindings, String error) {
        OpsReport report = require(id);
        report.newFindings = List.copyOf(newFindings);
        report.error = error;
        report.status = error == null ? OpsReport.Status.SUCCEEDED : OpsReport.Status.FAILED;
        report.progress = 100;
        report.currentStep = null;
        report.finishedAt = Instant.now();
        return report;
    }

    public Optional<OpsReport> find(UUID id) {
        return OpsReport.findByIdOptional(id);
    }

    public OpsReport require(UUID id) {
        return find(id).orElseThrow(() -> new ReportNotFound(id));
    }

    /** Newest first; {@code after} is the id of the last report of the previous page. */
    public List<OpsReport> page(Optional<UUID> after, int limit) {
        return after.map(id -> OpsReport.<OpsReport>find("id < ?1 order by id desc", id))
                .orElseGet(() -> OpsReport.find("order by id desc"))
                .range(0, limit).list();
    }

    /** Finding keys the last successful run of this step before {@code before} gave, or empty if none ran it. */
    @Transactional
    public Optional<Set<String>> previousFindingKeys(String step, UUID before) {
        List<OpsReport> earlier = OpsReport.<OpsReport>find("status = ?1 and id < ?2 order by id desc",
                OpsReport.Status.SUCCEEDED, before).range(0, 50).list();
        for (OpsReport report : earlier) {
            Optional<StepResult> result = report.steps.stream().filter(s -> s.step().equals(step)).findFirst();
            if (result.isPresent()) {
                Set<String> keys = new HashSet<>();
                result.get().findings().forEach(finding -> keys.add(finding.key()));
                return Optional.of(keys);
            }
        }
        return Optional.empty();
    }

    /** Whether a scheduled run with these options started recently, e.g. on another replica whose clock is ahead. */
    @Transactional
    public boolean scheduledRecently(String schedule, Duration within) {
        return OpsReport.count("trigger = ?1 and requestedBy = ?2 and startedAt > ?3", OpsReport.SCHEDULE, schedule,
                Instant.now().minus(within)) > 0;
    }
}
