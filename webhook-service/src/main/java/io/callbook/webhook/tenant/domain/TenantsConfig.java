package io.callbook.webhook.tenant.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "callbook.webhook.tenants")
public interface TenantsConfig {

    /**
     * How long a replica answers from the company status it last read. The replica that applies a directory event
     * forgets its copy at once; the others (one consumer group applies each event once) follow within this time.
     */
    @WithDefault("10s")
    Duration statusCacheTtl();
}
