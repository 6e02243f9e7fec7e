package io.callbook.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.http")
public interface HttpConfig {

    /** Requests slower than this are logged as one JSON line. */
    @WithDefault("250ms")
    Duration slowRequestThreshold();

    /** At most this many slow-request lines a second; the next line says how many were left out. */
    @WithDefault("20")
    int maxSlowRequestLinesPerSecond();

    /** Bodies smaller than this are sent uncompressed: gzip costs more than it saves on them. */
    @WithDefault("1024")
    int compressionThresholdBytes();
}
