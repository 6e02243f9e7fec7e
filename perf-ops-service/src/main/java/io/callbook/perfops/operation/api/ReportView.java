package io.callbook.perfops.operation.api;

import io.callbook.perfops.operation.domain.Finding;
import io.callbook.perfops.operation.domain.OpsReport;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.StepResult;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A run as the API shows it: while RUNNING, progress and currentStep move and steps fill up. */
public record ReportView(UUID id, String trigger, String requestedBy, OptimizeOptions options, String status,
                         int progress, String currentStep, Instant startedAt, Instant finishedAt, List<StepResult> steps,
                         List<Finding> newFindings, String error) {

    static ReportView of(OpsReport report) {
        return new ReportView(report.id, report.trigger, report.requestedBy, report.options, report.status.name(),
                report.progress, report.currentStep, report.startedAt, report.finishedAt, report.steps,
                report.newFindings, report.error);
    }
}
