package io.callbook.perfops.operation.domain;

/** Runs never overlap, in the whole cluster: two analyses would measure each other, two index builds would collide. */
public final class RunInProgress extends OpsException {

    public RunInProgress() {
        super("Another ops run is in progress; GET /v1/ops/reports shows it. Try again when it has finished.");
    }
}
