package io.callbook.webhook.inbound.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "callbook.webhook.inbox")
public interface InboxConfig {

    /**
     * The most acknowledged webhooks one insert stores ({@link InboxWriter}). 1 stores each request's row with a
     * statement of its own, side by side, as before batching.
     */
    @WithDefault("64")
    int maxRowsPerInsert();
}
