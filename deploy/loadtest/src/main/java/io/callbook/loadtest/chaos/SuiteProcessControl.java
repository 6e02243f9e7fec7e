package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.ProcFs;
import io.callbook.loadtest.harness.ServicePids;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Signals, kills and restarts the processes of a local suite started by {@code ./callbook up}: PostgreSQL, Redis and
 * the Kafka broker by the pids the devstack records in {@code .callbook/state.properties}, the services by their
 * command line's marker and port. The launcher does not restart what dies, so a restart here starts the same command
 * line again, with the same environment (secrets travel there) and working folder, its output appended to the same log,
 * and records the new pid where the devstack keeps it, so that {@code ./callbook down} stops it too.
 */
final class SuiteProcessControl {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path stateFile;

    /** @param stateFile the devstack's {@code state.properties} of the suite */
    SuiteProcessControl(Path stateFile) {
        this.stateFile = stateFile;
    }

    static SuiteProcessControl of(Path repoRoot) {
        return new SuiteProcessControl(repoRoot.resolve(".callbook").resolve("state.properties"));
    }

    boolean hasSuite() {
        return Files.isRegularFile(stateFile);
    }

    /** The recorded pid of "postgres", "redis", "kafka" or "service-<module>", if it still runs what was started. */
    long pid(String process) {
        Properties state = state();
        long pid = Long.parseLong(state.getProperty("process." + process + ".pid", "0").trim());
        String marker = state.getProperty("process." + process + ".marker", "");
        return pid > 0 && String.join("\0", ProcFs.commandLine(pid)).contains(marker) ? pid : 0;
    }

    int port(String key) {
        return Integer.parseInt(state().getProperty(key, "0").trim());
    }

    /** Freezes a process and everything it started (PostgreSQL serves each connection in a process of its own). */
    void stop(long pid) {
        signal(ProcFs.treePids(pid), "STOP");
    }

    /** Resumes what {@link #stop} froze; also processes it started meanwhile are sent on. */
    void resume(long pid) {
        signal(ProcFs.treePids(pid), "CONT");
    }

    /** The JVM of a service of the suite at its HTTP port; 0 when none runs there. */
    static long servicePid(String module, int port) {
        return ServicePids.find(module, port).orElse(0);
    }

    /** What a process runs with, read before it is killed so that it can be started again. */
    record Launch(List<String> command, Path workDir, Map<String, String> environment) {
    }

    Launch launchOf(long pid) {
        List<String> command = ProcFs.commandLine(pid);
        if (command.isEmpty()) {
            throw new IllegalStateException("Cannot read the command line of process " + pid);
        }
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            Map<String, String> environment = new LinkedHashMap<>();
            String raw = new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8);
            for (String entry : raw.split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return new Launch(command, Files.readSymbolicLink(proc.resolve("cwd")), environment);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read how process " + pid + " was started", e);
        }
    }

    /** kill -9, and wait until it is gone. */
    static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            awaitExit(process, STOP_TIMEOUT);
        });
    }

    /** SIGTERM, as an orderly restart does; SIGKILL when it does not end in time. */
    static void terminate(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            if (!awaitExit(process, STOP_TIMEOUT)) {
                process.destroyForcibly();
                awaitExit(process, STOP_TIMEOUT);
            }
        });
    }

    /**
     * Starts the process again in a session of its own (Ctrl-C on the bench must not reach it), output appended to
     * {@code <state dir>/logs/<logName>.log}, and records its pid as {@code process.<process>.pid}.
     */
    long restart(String process, Launch launch, String logName) {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            command.add(setsid.toString());
        }
        command.addAll(launch.command());
        Path log = stateFile.getParent().resolve("logs").resolve(logName + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().clear();
            builder.environment().putAll(launch.environment());
            long pid = builder.start().pid();
            record(process, pid, launch.command());
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + process + " again", e);
        }
    }

    /**
     * Written whole and atomically, as the devstack writes it; the marker is what tells the devstack the pid is still
     * this process (pids get recycled).
     */
    private synchronized void record(String process, long pid, List<String> command) {
        Properties state = state();
        state.setProperty("process." + process + ".pid", Long.toString(pid));
        command.stream().filter(arg -> arg.startsWith("-Dcallbook.process=")).findFirst().ifPresent(marker -> state.setProperty("process." + process + ".marker", marker));
        try {
            Path tmp = Files.createTempFile(stateFile.getParent(), stateFile.getFileName().toString(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                state.store(writer, "Callbook devstack: ports and pids of the running stack");
            }
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the new pid of " + process + " in " + stateFile, e);
        }
    }

    private Properties state() {
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
            state.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + stateFile + " (is the suite started by ./callbook up?)", e);
        }
        return state;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void signal(List<Long> pids, String signal) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            // a backend that ended between listing and signalling is no failure; a signal refused is
            if (kill.waitFor() != 0 && output.contains("not permitted")) {
                throw new IllegalStateException("kill -" + signal + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run kill -" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + signal, e);
        }
    }
}
