package io.callbook.devstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./callbook status | token [tenant|admin] | down | ops ...}: looks at, operates or stops the local run of this
 * repository from any terminal, through the files it keeps in {@code .callbook/}.
 */
public final class SuiteControl {

    /** Writing three AOT caches one after the other takes a few minutes on a small machine. */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(10);

    private SuiteControl() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("callbook.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        String command = args.length > 0 ? args[0] : "status";
        int exitCode = switch (command) {
            case "status" -> SuiteStatus.report(root, System.out);
            case "token" -> SuiteToken.print(root, args.length > 1 ? args[1] : "tenant", System.out, System.err);
            case "down" -> SuiteStop.run(root, System.out, STOP_TIMEOUT);
            case "ops" -> SuiteOps.run(root, java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            default -> {
                System.err.println("Unknown command: " + command + " (status, token, down or ops)");
                yield 2;
            }
        };
        System.exit(exitCode);
    }
}
