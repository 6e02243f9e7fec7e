package io.callbook.loadtest.harness;

/** A bench's command line: its own options and the {@link CommonOptions} every bench takes. */
public interface BenchOptions {

    CommonOptions common();
}
