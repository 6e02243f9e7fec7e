package io.callbook.devstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * {@code ./callbook down}: stops a run started in another terminal or in the background with SIGTERM, which runs the
 * same shutdown hook as Ctrl-C (services in order, AOT caches written, then Kafka, Redis, PostgreSQL), and shows its
 * output until it is gone.
 */
final class SuiteStop {

    private static final long POLL_MILLIS = 200;

    private SuiteStop() {
    }

    /** @return 0 when nothing runs any more, 1 when the run is still there after the timeout (or refused) */
    static int run(Path root, PrintStream out, Duration timeout) {
        Path home = root.resolve(".callbook");
        if (!InstanceLock.isHeld(home)) {
            try {
                int leftovers = Devstack.stopLeftovers(home);
                out.println("Callbook is not running." + (leftovers > 0
                        ? " Stopped " + leftovers + " process(es) left over by a run that did not shut down cleanly." : ""));
                return 0;
            } catch (RuntimeException e) {
                out.println("Callbook is not running, but its leftovers could not be stopped: " + e.getMessage());
                return 1;
            }
        }
        OptionalLong holder = InstanceLock.holder(home);
        if (holder.isEmpty()) {
            out.println("Callbook is just starting (no pid recorded yet); try again in a moment.");
            return 1;
        }
        long pid = holder.getAsLong();
        Path logFile = home.resolve("logs").resolve(LocalSuite.LOG_FILE);
        long offset = size(logFile);
        long printedFrom = offset;
        Processes.signal(pid, "TERM");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Processes.isAlive(pid)) {
            if (System.nanoTime() > deadline) {
                Processes.printFrom(logFile, offset, out);
                out.printf("Callbook (pid %d) is still stopping after %d s; ./callbook down again waits longer, "
                        + "kill -9 %d ends it at once (the next ./callbook up stops what it leaves).%n",
                        pid, timeout.toSeconds(), pid);
                return 1;
            }
            offset = Processes.printFrom(logFile, offset, out);
            Processes.sleep(POLL_MILLIS);
        }
        offset = Processes.printFrom(logFile, offset, out);
        if (offset == printedFrom) { // a run from before the launcher log: its output went only to its terminal
            out.println("Callbook stopped (pid " + pid + ").");
        }
        return 0;
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
