package io.callbook.perfops.loadtest.domain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Starts a bench as a child process; stdout and stderr come as one stream of lines. */
public interface BenchRunner {

    Running start(List<String> command, Path workingDirectory, Consumer<String> onLine);

    interface Running {

        /** Waits until the bench exits and all its output is read; false when it still runs after {@code timeout}. */
        boolean awaitExit(Duration timeout) throws InterruptedException;

        /** Only after {@link #awaitExit} answered true. */
        int exitCode();

        /** The bench and what it started: SIGTERM (its shutdown hooks run), then SIGKILL after a grace period. */
        void stop();
    }
}
