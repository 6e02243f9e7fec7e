package io.callbook.loadtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code ./callbook bench <target>}: the target names which options follow. */
sealed interface BenchOptions permits ResolveOptions, BookingOptions, WebhookOptions, PeersOptions,
        MixOptions {

    String USAGE = """
            Usage: ./callbook bench resolve|booking|webhooks|peers|mix [options]
              resolve   number resolution (resolver-service)
              booking   availability and booking (booking-service)
              webhooks  signed provider webhooks: acknowledged, then processed (webhook-service)
              peers     the predecessor's architecture (nginx, PHP-FPM, Redis) beside our resolver, same load
              mix       the whole day at once: concurrent simulated calls and admin reads through every service
            ./callbook bench <target> --help: the options of each.
            """;

    CommonOptions common();

    static BenchOptions parse(String[] args, Path repoRoot, String timestamp) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || rest.get(0).startsWith("-")) {
            throw new IllegalArgumentException("Name what to benchmark: resolve, booking, webhooks, peers or mix");
        }
        String target = rest.remove(0);
        Path resultsDir = repoRoot.resolve("deploy/loadtest/target/bench").resolve(timestamp);
        return switch (target) {
            case "resolve" -> ResolveOptions.parse(rest, resultsDir);
            case "booking" -> BookingOptions.parse(rest, resultsDir);
            case "webhooks" -> WebhookOptions.parse(rest, resultsDir);
            case "peers" -> PeersOptions.parse(rest, resultsDir);
            case "mix" -> MixOptions.parse(rest, resultsDir);
            default -> throw new IllegalArgumentException("Unknown bench target '" + target
                    + "' (resolve, booking, webhooks, peers or mix)");
        };
    }

    /** The help of the target the command line names, or the overview. */
    static String usage(String[] args) {
        String target = args.length > 0 ? args[0] : "";
        return switch (target) {
            case "resolve" -> ResolveOptions.USAGE;
            case "booking" -> BookingOptions.USAGE;
            case "webhooks" -> WebhookOptions.USAGE;
            case "peers" -> PeersOptions.USAGE;
            case "mix" -> MixOptions.USAGE;
            default -> USAGE;
        };
    }
}
