package io.callbook.devstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code ./callbook up --detach}: starts the local run in a JVM of its own session, shows its output (from
 * {@code .callbook/logs/launcher.log}) until it is up or has failed, and returns; the run goes on in the background.
 */
final class DetachedStart {

    private static final long POLL_MILLIS = 200;

    private DetachedStart() {
    }

    /** @return the exit code of this command: 0 once the run is up, 1 when it did not start */
    static int run(Path root, Path home) {
        if (InstanceLock.isHeld(home)) {
            OptionalLong holder = InstanceLock.holder(home);
            System.out.println("Callbook is already running" + (holder.isPresent() ? " (pid " + holder.getAsLong() + ")" : "")
                    + " — ./callbook status shows it, ./callbook down stops it.");
            return 1;
        }
        Path logFile = home.resolve("logs").resolve(LocalSuite.LOG_FILE);
        Process launcher;
        long offset;
        try {
            Files.createDirectories(logFile.getParent());
            // Here, before the offset is read, so that it points into the file the launcher then writes.
            Processes.keepSmall(logFile, Processes.LOG_ROTATION_BYTES);
            offset = Files.exists(logFile) ? Files.size(logFile) : 0;
            launcher = Processes.startDetached(command(), root, logFile);
        } catch (IOException e) {
            System.out.println("Callbook could not start in the background: " + e.getMessage());
            return 1;
        }
        Thread interrupted = new Thread(() -> System.out.printf(
                "%nCallbook goes on starting in the background (pid %d): ./callbook status, ./callbook down.%n", launcher.pid()));
        Runtime.getRuntime().addShutdownHook(interrupted);
        while (true) {
            offset = Processes.printFrom(logFile, offset, System.out);
            boolean up = upAs(home, launcher.pid());
            if (up || !launcher.isAlive()) {
                Processes.sleep(POLL_MILLIS); // the last lines may still be on their way into the file
                Processes.printFrom(logFile, offset, System.out);
                Runtime.getRuntime().removeShutdownHook(interrupted);
                if (up) {
                    System.out.printf("Callbook runs in the background (pid %d); its output goes to %s.%n",
                            launcher.pid(), root.relativize(logFile));
                    return 0;
                }
                System.out.printf("Callbook did not start (exit code %d); its output is in %s.%n",
                        launcher.exitValue(), root.relativize(logFile));
                return 1;
            }
            Processes.sleep(POLL_MILLIS);
        }
    }

    /** This JVM's command line (java, its -D options, class path) for the background run, marked as detached. */
    private static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable().toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + LocalSuite.DETACHED_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LocalSuite.class.getName());
        return command;
    }

    private static boolean upAs(Path home, long pid) {
        try {
            Optional<SuiteState> state = SuiteState.read(home);
            return state.isPresent() && state.get().launcherPid() == pid && state.get().phase() == SuiteState.Phase.UP;
        } catch (RuntimeException e) {
            return false; // being written
        }
    }
}
