package io.callbook.webhook.signing.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "callbook.secrets")
public interface SecretsConfig {

    /** Base64 AES-256 key that encrypts stored provider secrets (a Kubernetes Secret; devstack makes one per stack). */
    @WithName("key")
    String secretsKey();
}
