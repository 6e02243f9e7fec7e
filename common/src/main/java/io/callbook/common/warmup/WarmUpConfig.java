package io.callbook.common.warmup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.warm-up")
public interface WarmUpConfig {

    /** Off in tests: a test's first request is not a caller on the line, and every test class would pay for it. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Passes of each task. C2, the JIT's optimising compiler, takes a method after some thousands of calls, and a pass
     * calls most of the path's methods once. Measured under the voice bench right after start: 400 passes left half of
     * the JIT's work to the first callers, 1 200 a quarter.
     */
    @WithDefault("1000")
    int passes();

    /**
     * The most the warm-up may take, every task's passes together; the service then reports started, warm or not. It
     * must stay well inside the start-up probe's allowance (k8s: 60 × 2 s).
     */
    @WithDefault("45s")
    Duration budget();

    /** The pause after a pass that failed, before the next try. */
    @WithDefault("250ms")
    Duration retryPause();
}
