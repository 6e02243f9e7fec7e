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

    /**
     * How often a replica tells the others which companies it has streams open for, and learns theirs: a stream
     * opened on one replica gets the activity the others handle at most about twice this late.
     */
    @WithDefault("1s")
    Duration watchRefresh();

    /** How long a replica's word that it has a company's stream open holds, should the replica stop saying it. */
    @WithDefault("5s")
    Duration watchExpiry();
}
