package io.callbook.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting and stopping OS processes by pid, so any JVM or class loader can control them. */
public final class Processes {

    /** Runs the tasks on threads of their own and returns when all have finished (stopping servers side by side). */
    public static void inParallel(String threadPrefix, List<Map.Entry<String, Runnable>> tasks) {
        List<Thread> threads = new ArrayList<>();
        for (var task : tasks) {
            Thread thread = new Thread(task.getValue(), threadPrefix + task.getKey());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final Optional<Path> SETSID = findOnPath("setsid");

    static final long LOG_ROTATION_BYTES = 64L * 1024 * 1024;

    private Processes() {
    }

    /**
     * Starts a command in its own session when {@code setsid} exists, so a Ctrl-C in the terminal reaches only
     * the JVM that owns it; that JVM then stops its children in order.
     */
    public static Process startDetached(List<String> command, Path workDir, Path logFile) throws IOException {
        return startDetached(command, java.util.Map.of(), workDir, logFile);
    }

    /** @param environment added to this process's environment, e.g. secrets that must not show on a command line */
    public static Process startDetached(List<String> command, java.util.Map<String, String> environment, Path workDir,
                                        Path logFile) throws IOException {
        List<String> full = new ArrayList<>();
        SETSID.ifPresent(setsid -> full.add(setsid.toString()));
        full.addAll(command);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        keepSmall(logFile, LOG_ROTATION_BYTES);
        ProcessBuilder builder = new ProcessBuilder(full);
        builder.environment().putAll(environment);
        return builder
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }

    /**
     * Moves a log past {@code maxBytes} to {@code <name>.1} (replacing the one before) as its process starts again:
     * each start appends, and a day of benches had grown webhook-service's log to 500 MB.
     */
    static void keepSmall(Path logFile, long maxBytes) throws IOException {
        if (Files.isRegularFile(logFile) && Files.size(logFile) > maxBytes) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static boolean isAlive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Sends a signal by name (TERM, INT, QUIT, KILL); Java itself can only send TERM and KILL. */
    public static void signal(long pid, String signal) {
        if (!isAlive(pid)) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): fall back to what Java can send
            ProcessHandle.of(pid).ifPresent(p -> {
                if ("KILL".equals(signal)) {
                    p.destroyForcibly();
                } else {
                    p.destroy();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Signals the process, waits for it to exit and kills it if it does not within the grace period. */
    public static void stop(long pid, String signal, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        signal(pid, signal);
        if (!awaitExit(handle.get(), grace)) {
            handle.get().destroyForcibly();
            awaitExit(handle.get(), Duration.ofSeconds(5));
        }
    }

    public static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }

    /** The process's command line contains the marker: guards against signalling a recycled pid. */
    public static boolean commandContains(long pid, String marker) {
        Path procCmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(procCmdline)) { // ProcessHandle.Info cuts command lines at 4 KB, before a long class path ends
            try {
                return new String(Files.readAllBytes(procCmdline), StandardCharsets.UTF_8).contains(marker);
            } catch (IOException e) {
                return false; // exited meanwhile
            }
        }
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().commandLine().or(() -> p.info().command()))
                .map(cmd -> cmd.contains(marker))
                .orElse(false);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The last lines of a log file, for error messages. */
    public static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int start = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, start, all.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Prints what a growing log file has beyond offset (what a process wrote since); returns the new offset. */
    public static long printFrom(Path file, long offset, PrintStream out) {
        if (!Files.isRegularFile(file)) {
            return offset;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return offset;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            raf.seek(offset);
            raf.readFully(bytes);
            out.write(bytes, 0, bytes.length);
            out.flush();
            return offset + bytes.length;
        } catch (IOException e) {
            return offset;
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
