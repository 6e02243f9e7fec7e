package io.callbook.loadtest.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One bench, from its options to its exit status: what it measures is its own, how it starts is
 * {@link #startSession}'s.
 */
public abstract class BenchMain<O extends BenchOptions> {

    protected final O options;
    protected final CommonOptions common;
    protected final Path repoRoot;
    protected final PrintStream out;

    protected BenchMain(O options, Path repoRoot, PrintStream out) {
        this.options = options;
        this.common = options.common();
        this.repoRoot = repoRoot;
        this.out = out;
    }

    /** @return one of {@link ExitStatus}'s */
    public abstract int run();

    /** @see BenchSession#start */
    protected BenchSession startSession(String target, List<? extends ApiClient> services) {
        return BenchSession.start(target, options, services, repoRoot, out);
    }
}
