package io.callbook.perfops.operation.domain;

/**
 * One part of an optimize run (cache, pool, analyze or indexes). Each feature that does one provides a bean; the run
 * calls those the options ask for. A step must honour {@link OptimizeOptions#dryRun()}: report what it would do, do
 * nothing.
 */
public interface OpsStep {

    /** The option that asks for it: one of the names in {@link OptimizeOptions}. */
    String name();

    /** @throws Exception anything that stops the step; the run records it in the report and goes on with the next */
    StepResult run(StepContext context) throws Exception;
}
