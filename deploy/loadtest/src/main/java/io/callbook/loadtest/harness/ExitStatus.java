package io.callbook.loadtest.harness;

/** The exit status of {@code ./callbook bench} and {@code ./callbook sign}: it tells scripts how a run went. */
public final class ExitStatus {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int FLAGGED = 3;
    public static final int TARGET_MISSED = 4;

    private ExitStatus() {
    }
}
