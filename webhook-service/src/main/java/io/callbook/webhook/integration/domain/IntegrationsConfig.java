package io.callbook.webhook.integration.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.webhook.integrations")
public interface IntegrationsConfig {

    /**
     * How long a replica verifies webhooks with an integration's secret as it last read it. A rotation or removal on
     * this replica applies at once; another replica follows within this time.
     */
    @WithDefault("10s")
    Duration secretCacheTtl();
}
