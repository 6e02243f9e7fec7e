package io.callbook.common.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.n-plus-one")
public interface NPlusOneConfig {

    /** A statement shape sent this many times by one request is an N+1 suspect: logged and counted. */
    @WithDefault("5")
    int threshold();

    /** Each route and statement is logged at most once in this interval (it is counted every time). */
    @WithDefault("1m")
    Duration logInterval();
}
