package io.callbook.perfops.operation.domain;

public final class NothingToRun extends OpsException {

    public NothingToRun() {
        super("Ask for at least one of cache, analyze, pool or indexes (dryRun alone does nothing).");
    }
}
