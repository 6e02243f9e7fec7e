package io.callbook.perfops.cache.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.ops.cache")
public interface CacheConfig {

    /**
     * How long the cache step waits for every replica's reply to a warm-caches command; replicas that have not
     * answered by then are reported as such. The command tells replicas the same limit, so a late one does not warm.
     */
    @WithDefault("30s")
    Duration replyTimeout();

    /** How long the step waits for its own reply consumer to be listening before it sends the command anyway. */
    @WithDefault("10s")
    Duration listenTimeout();
}
