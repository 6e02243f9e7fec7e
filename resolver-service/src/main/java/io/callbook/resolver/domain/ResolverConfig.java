package io.callbook.resolver.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.resolver")
public interface ResolverConfig {

    /** Region for national-format numbers when neither the request nor the caller's company gives one. */
    @WithDefault("DE")
    String defaultRegion();

    /** How long a resolution stays in Redis; events invalidate it long before in practice. */
    @WithDefault("1h")
    Duration resolutionTtl();

    /** Load every assigned number into the caches at start-up. */
    @WithDefault("false")
    boolean warmOnStart();

    /**
     * The most one cache warm may spend (the warm-caches command, or the start-up warm); numbers left over are loaded
     * by their first caller. Below perf-ops' wait for replies, so the reply arrives while it still listens.
     */
    @WithDefault("20s")
    Duration warmBudget();

    /** The most numbers one import request may assign ({@code POST .../phone-numbers/batch}). */
    @WithDefault("1000")
    int maxImportBatchSize();
}
