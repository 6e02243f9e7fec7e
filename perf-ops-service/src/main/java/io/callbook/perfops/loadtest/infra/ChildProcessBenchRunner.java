package io.callbook.perfops.loadtest.infra;

import io.callbook.perfops.loadtest.domain.BenchRunner;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a bench as a child process: the command is a list of words handed to the operating system as they are (no
 * shell), stdin is empty, stdout and stderr are one stream read line by line.
 */
@ApplicationScoped
public class ChildProcessBenchRunner implements BenchRunner {

    /** A bench that stops the suite it started itself needs a while; it does not here (the suite runs). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** After the process exits, the rest of its output is still in the pipe. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    @Override
    public Running start(List<String> command, Path workingDirectory, Consumer<String> onLine) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        Thread reader = Thread.ofVirtual().name("loadtest-output-" + process.pid()).start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the process is gone; what was read is kept
            }
        });
        return new ChildProcess(process, reader);
    }

    private record ChildProcess(Process process, Thread reader) implements Running {

        @Override
        public boolean awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            reader.join(DRAIN);
            return true;
        }

        @Override
        public int exitCode() {
            return process.exitValue();
        }

        /** The launcher script execs the bench's JVM, but a build it runs first has children of its own. */
        @Override
        public void stop() {
            List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            for (ProcessHandle handle : all) {
                long left = deadline - System.nanoTime();
                try {
                    if (left <= 0) {
                        handle.destroyForcibly();
                    } else {
                        handle.onExit().get(left, TimeUnit.NANOSECONDS);
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    handle.destroyForcibly();
                } catch (java.util.concurrent.ExecutionException e) {
                    // gone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    handle.destroyForcibly();
                }
            }
        }
    }
}
