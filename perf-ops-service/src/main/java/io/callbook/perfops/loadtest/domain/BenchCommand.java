package io.callbook.perfops.loadtest.domain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The command line of a bench. Rules: the bench is one of {@link #BENCHES}; at most {@link #MAX_ARGS} arguments, each
 * a plain word of letters, digits and {@code = . , : _ / -} (1–200 characters), so nothing a shell or the launcher would
 * read as more than one word or as an expression. The command is started as a list of words, never through a shell
 * of ours; the launcher script passes the words on quoted.
 */
public final class BenchCommand {

    public static final List<String> BENCHES = List.of("resolve", "booking", "webhooks", "mix", "peers");
    /** {@link #BENCHES} as a regular expression, for Bean Validation. */
    public static final String BENCH_PATTERN = "resolve|booking|webhooks|mix|peers";
    public static final String ARG_PATTERN = "^[A-Za-z0-9=.,:_/-]{1,200}$";
    public static final int MAX_ARGS = 32;
    private static final Pattern ARG = Pattern.compile(ARG_PATTERN);

    private final List<String> prefix;
    private final Path workingDirectory;

    private BenchCommand(List<String> prefix, Path workingDirectory) {
        this.prefix = List.copyOf(prefix);
        this.workingDirectory = workingDirectory;
    }

    /** Empty when neither a command nor the repository's root is configured: load tests are off here. */
    public static Optional<BenchCommand> of(LoadTestConfig config) {
        Optional<Path> root = config.root().filter(value -> !value.isBlank()).map(value -> Path.of(value).toAbsolutePath().normalize());
        Optional<List<String>> command = config.command().filter(words -> !words.isEmpty());
        if (command.isPresent()) {
            return Optional.of(new BenchCommand(command.get(), root.orElse(Path.of("").toAbsolutePath())));
        }
        return root.map(dir -> new BenchCommand(List.of(dir.resolve("callbook").toString(), "bench"), dir));
    }

    /** @throws InvalidLoadTest when the bench or an argument breaks the rules above */
    public static void check(String bench, List<String> args) {
        if (bench == null || !BENCHES.contains(bench)) {
            throw new InvalidLoadTest("Unknown bench '" + bench + "': one of " + String.join(", ", BENCHES));
        }
        if (args.size() > MAX_ARGS) {
            throw new InvalidLoadTest("At most " + MAX_ARGS + " arguments");
        }
        for (String arg : args) {
            if (arg == null || !ARG.matcher(arg).matches()) {
                throw new InvalidLoadTest("Argument '" + arg + "' is not allowed: each is 1-200 letters, digits or = . , : _ / -");
            }
        }
    }

    /** The words to start, for a checked bench and arguments. */
    public List<String> words(String bench, List<String> args) {
        check(bench, args);
        List<String> words = new ArrayList<>(prefix);
        words.add(bench);
        words.addAll(args);
        return words;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }
}
