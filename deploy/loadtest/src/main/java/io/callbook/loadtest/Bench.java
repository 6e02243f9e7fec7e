package io.callbook.loadtest;

import io.callbook.loadtest.booking.BookingBench;
import io.callbook.loadtest.chaos.ChaosBench;
import io.callbook.loadtest.harness.BenchOptions;
import io.callbook.loadtest.harness.BenchTarget;
import io.callbook.loadtest.harness.ExitStatus;
import io.callbook.loadtest.mix.MixBench;
import io.callbook.loadtest.peers.PeersBench;
import io.callbook.loadtest.resolve.ResolveBench;
import io.callbook.loadtest.webhooks.WebhookBench;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./callbook bench <target>}: reads the command line and runs the bench it names ({@link ResolveBench},
 * {@link BookingBench}, {@link WebhookBench}, {@link PeersBench}, {@link MixBench}, {@link ChaosBench}); the exit status
 * tells scripts how it went.
 */
public final class Bench {

    static final List<BenchTarget<?>> TARGETS = List.of(ResolveBench.TARGET, BookingBench.TARGET, WebhookBench.TARGET,
            PeersBench.TARGET, MixBench.TARGET, ChaosBench.TARGET);

    static final String USAGE = "Usage: ./callbook bench " + names("|") + " [options]\n"
            + TARGETS.stream().map(target -> String.format("  %-10s%s%n", target.name(), target.summary()))
                    .collect(Collectors.joining())
            + "./callbook bench <target> --help: the options of each.\n";

    private Bench() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("callbook.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(usage(args));
            System.exit(ExitStatus.OK);
        }
        BenchTarget.Ready bench;
        try {
            String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            bench = parse(args, root, timestamp);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(usage(args));
            System.exit(ExitStatus.USAGE);
            return;
        }
        int status;
        try {
            status = bench.run(root, System.out);
        } catch (RuntimeException e) {
            System.out.println();
            System.out.println("Bench failed: " + e.getMessage());
            status = ExitStatus.FAILED;
        }
        System.out.flush();
        System.exit(status); // Gatling's and Netty's threads are not all daemons
    }

    /** The target the command line names, with its options read; an IllegalArgumentException tells what is wrong. */
    static BenchTarget.Ready parse(String[] args, Path repoRoot, String timestamp) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || rest.get(0).startsWith("-")) {
            throw new IllegalArgumentException("Name what to benchmark: " + alternatives());
        }
        String name = rest.remove(0);
        BenchTarget<?> target = target(name).orElseThrow(() -> new IllegalArgumentException("Unknown bench target '"
                + name + "' (" + alternatives() + ")"));
        return target.parse(rest, repoRoot.resolve("deploy/loadtest/target/bench").resolve(timestamp));
    }

    /** The options the command line names, for tests. */
    static BenchOptions options(String[] args, Path repoRoot, String timestamp) {
        return parse(args, repoRoot, timestamp).options();
    }

    /** The help of the target the command line names, or the overview. */
    static String usage(String[] args) {
        return target(args.length > 0 ? args[0] : "").map(BenchTarget::usage).orElse(USAGE);
    }

    private static Optional<BenchTarget<?>> target(String name) {
        return TARGETS.stream().filter(target -> target.name().equals(name)).findFirst();
    }

    /** "resolve, booking, webhooks, peers, mix or chaos" */
    private static String alternatives() {
        String all = names(", ");
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    private static String names(String separator) {
        return TARGETS.stream().map(BenchTarget::name).collect(Collectors.joining(separator));
    }
}
