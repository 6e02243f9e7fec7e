package io.callbook.loadtest.harness;

/** A bench's command line: its own options and the {@link CommonOptions} every bench takes. */
public interface BenchOptions {

    CommonOptions common();

    /** Whether every service the bench measures is the local suite's, so that the bench may start the suite itself. */
    boolean targetsLocalSuite();
}
