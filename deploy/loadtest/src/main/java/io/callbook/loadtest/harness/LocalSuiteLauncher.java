package io.callbook.loadtest.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the local suite answers: when the services a bench needs are not ready it runs {@code ./callbook up} in
 * the background and waits for their readiness; {@link #close()} stops only a suite it started, with SIGINT as Ctrl-C would.
 */
final class LocalSuiteLauncher implements AutoCloseable {

    private static final Duration INT_GRACE = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Process suite;
    private final Path logFile;
    private final PrintStream out;

    private LocalSuiteLauncher(Process suite, Path logFile, PrintStream out) {
        this.suite = suite;
        this.logFile = logFile;
        this.out = out;
    }

    /**
     * @param services the services the bench talks to; all must be ready
     * @param mayStart false when the bench targets something else than the local suite: then it only checks
     */
    static LocalSuiteLauncher ensureRunning(Path repoRoot, List<? extends ApiClient> services, boolean mayStart,
                                            Duration timeout, Path logFile, PrintStream out) {
        String urls = String.join(", ", services.stream().map(ApiClient::baseUrl).toList());
        List<String> notReady = notReady(services);
        if (notReady.isEmpty()) {
            out.println("Local suite: " + urls + " ready; left running afterwards.");
            return new LocalSuiteLauncher(null, logFile, out);
        }
        if (!mayStart) {
            throw new IllegalStateException(String.join(", ", notReady) + " does not answer");
        }
        if (notReady.size() < services.size()) { // a suite runs, without this service: starting another would clash
            throw new IllegalStateException(String.join(", ", notReady) + " not ready while the rest of the suite runs;"
                    + " restart ./callbook up (it builds what is missing)");
        }
        Path launcher = repoRoot.resolve("callbook");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException(String.join(", ", notReady) + " not ready and there is no " + launcher
                    + " to start it");
        }
        out.printf("Local suite: not running; starting ./callbook up (log: %s) ...%n", logFile);
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid"); // a Ctrl-C on the bench reaches the bench, which then stops the suite in order
            }
            command.add(launcher.toString());
            command.add("up");
            process = new ProcessBuilder(command).directory(repoRoot.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start ./callbook up: " + e.getMessage(), e);
        }
        LocalSuiteLauncher launched = new LocalSuiteLauncher(process, logFile, out);
        Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "stop-local-suite"));
        launched.awaitReady(services, timeout);
        return launched;
    }

    private static List<String> notReady(List<? extends ApiClient> services) {
        return services.stream().filter(service -> !service.isReady()).map(ApiClient::baseUrl).toList();
    }

    private void awaitReady(List<? extends ApiClient> services, Duration timeout) {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        long nextReport = begin + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!suite.isAlive()) {
                throw new IllegalStateException("./callbook up exited with " + suite.exitValue() + "; " + logFile + ":\n" + tail());
            }
            if (notReady(services).isEmpty()) {
                out.printf("Local suite: ready after %d s.%n", seconds(begin));
                return;
            }
            if (System.nanoTime() > nextReport) {
                out.printf("Local suite: still starting (%d s) ...%n", seconds(begin));
                nextReport += TimeUnit.SECONDS.toNanos(15);
            }
            Pause.sleep(Duration.ofMillis(500), "waiting for the local suite");
        }
        close();
        throw new IllegalStateException("The local suite was not ready within " + timeout.toSeconds() + " s; " + logFile
                + ":\n" + tail());
    }

    /**
     * SIGINT, like Ctrl-C in the terminal of ./callbook up, so the suite stops its services and stack in order. A suite
     * started from a background job inherits SIGINT as ignored, so SIGTERM (same shutdown hook) follows, and SIGKILL last.
     */
    @Override
    public synchronized void close() {
        if (suite == null || !suite.isAlive()) {
            return;
        }
        out.println("Local suite: stopping the suite this bench started ...");
        if (signalAndWait("INT", INT_GRACE) || signalAndWait("TERM", STOP_GRACE)) {
            out.println("Local suite: stopped.");
            return;
        }
        suite.destroyForcibly();
        out.println("Local suite: killed; its PostgreSQL, Redis and Kafka are stopped by the next ./callbook up.");
    }

    private boolean signalAndWait(String signal, Duration grace) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(suite.pid())).start().waitFor(5, TimeUnit.SECONDS);
            return suite.waitFor(grace.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long from = Math.max(0, file.length() - 4000);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static long seconds(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
    }
}
