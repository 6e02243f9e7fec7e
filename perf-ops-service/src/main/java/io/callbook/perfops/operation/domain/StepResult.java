package io.callbook.perfops.operation.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * What a step found and did, as the report shows it.
 *
 * @param summary   one line, e.g. "12 statements over 100 ms; 2 indexes advised"
 * @param tables    the details, as tables the CLI prints and the dashboard shows
 * @param findings  advice (an index to create, an N+1 route, a slow statement); compared with the previous run's to
 *                  tell new advice
 * @param actions   what the step changed, or under dryRun what it would change (e.g. the CREATE INDEX statements)
 */
@RegisterForReflection // a JSON column and stored summaries, read and written by Jackson
public record StepResult(String step, String summary, List<ReportTable> tables, List<Finding> findings,
                         List<String> actions, long durationMs) {

    public StepResult {
        tables = List.copyOf(tables);
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
    }

    public StepResult withDuration(long millis) {
        return new StepResult(step, summary, tables, findings, actions, millis);
    }
}
