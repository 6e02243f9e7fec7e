package io.callbook.perfops.loadtest.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How perf-ops starts deploy/loadtest's benches. The local run sets {@code root} (the repository), so the command is
 * {@code <root>/callbook bench}; {@code command} replaces it. With neither (Kubernetes: no repository, no launcher) load
 * tests are off and the API answers 503.
 */
@ConfigMapping(prefix = "callbook.ops.loadtest")
public interface LoadTestConfig {

    /** The repository the suite runs from; its {@code ./callbook bench} is the command. */
    Optional<String> root();

    /**
     * The command before the bench's name and arguments, one list element per word, e.g.
     * {@code /opt/callbook/callbook,bench}. Wins over {@link #root()}.
     */
    Optional<List<String>> command();

    /** A bench still running after this is stopped and recorded as failed. */
    @WithDefault("45m")
    Duration timeout();

    /** Lines of the bench's output kept as its log tail. */
    @WithDefault("200")
    int logLines();
}
