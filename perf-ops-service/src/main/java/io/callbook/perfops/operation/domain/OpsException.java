package io.callbook.perfops.operation.domain;

/** A rule of ops runs a request broke; the api maps each kind to one problem. */
public abstract sealed class OpsException extends RuntimeException permits ReportNotFound, RunInProgress, NothingToRun {

    protected OpsException(String message) {
        // No stack trace: these are answers to clients, not faults to debug.
        super(message, null, false, false);
    }
}
