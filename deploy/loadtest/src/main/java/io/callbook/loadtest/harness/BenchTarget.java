package io.callbook.loadtest.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One target of {@code ./callbook bench <target>}: its name and help, how it reads its options and how it runs.
 *
 * @param summary one line in the overview of all targets
 * @param usage   the help of {@code ./callbook bench <name> --help}
 * @param parse   the target's options from the arguments after its name and the folder for its reports; throws
 *                IllegalArgumentException for bad ones
 */
public record BenchTarget<O extends BenchOptions>(String name, String summary, String usage,
                                                   BiFunction<List<String>, Path, O> parse, Factory<O> bench) {

    /** Usually the bench's constructor. */
    public interface Factory<O extends BenchOptions> {
        BenchMain<O> create(O options, Path repoRoot, PrintStream out);
    }

    /** A bench whose options are read and checked, ready to run. */
    public interface Ready {
        BenchOptions options();

        int run(Path repoRoot, PrintStream out);
    }

    /** Reads the options; an IllegalArgumentException tells what is wrong with them. */
    public Ready parse(List<String> args, Path resultsDir) {
        O options = parse.apply(args, resultsDir);
        return new Ready() {
            @Override
            public BenchOptions options() {
                return options;
            }

            @Override
            public int run(Path repoRoot, PrintStream out) {
                return bench.create(options, repoRoot, out).run();
            }
        };
    }
}
