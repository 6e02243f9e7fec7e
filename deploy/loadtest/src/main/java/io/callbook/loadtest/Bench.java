package io.callbook.loadtest;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code ./callbook bench <target>}: reads the command line and runs the bench it names ({@link ResolveBench},
 * {@link BookingBench}, {@link WebhookBench}, {@link PeersBench}, {@link MixBench}); the exit status tells scripts how it went.
 */
public final class Bench {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_FLAGGED = 3;
    static final int EXIT_TARGET_MISSED = 4;

    private Bench() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("callbook.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.usage(args));
            System.exit(EXIT_OK);
        }
        BenchOptions options;
        try {
            String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            options = BenchOptions.parse(args, root, timestamp);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(BenchOptions.usage(args));
            System.exit(EXIT_USAGE);
            return;
        }
        int status;
        try {
            status = switch (options) {
                case ResolveOptions resolve -> new ResolveBench(resolve, root, System.out).run();
                case BookingOptions booking -> new BookingBench(booking, root, System.out).run();
                case WebhookOptions webhooks -> new WebhookBench(webhooks, root, System.out).run();
                case PeersOptions peers -> new PeersBench(peers, root, System.out).run();
                case MixOptions mix -> new MixBench(mix, root, System.out).run();
            };
        } catch (RuntimeException e) {
            System.out.println();
            System.out.println("Bench failed: " + e.getMessage());
            status = EXIT_FAILED;
        }
        System.out.flush();
        System.exit(status); // Gatling's and Netty's threads are not all daemons
    }
}
