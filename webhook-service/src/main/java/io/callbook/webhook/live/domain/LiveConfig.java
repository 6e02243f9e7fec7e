package io.callbook.webhook.live.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.webhook.live")
public interface LiveConfig {

    /**
     * Events a stream may fall behind its client by; a client further behind (a stalled connection) is let go, and
     * an EventSource connects again by itself.
     */
    @WithDefault("256")
    int buffer();

    /** How often an idle stream sends a comment, so that proxies keep the connection. */
    @WithDefault("15s")
    Duration heartbeat();
}
