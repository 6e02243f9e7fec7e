package io.callbook.common.config;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * The settings a packaged service cannot run without: addresses, credentials and keys that no default could be right
 * for. Listed in the {@code %prod} profile as {@code callbook.production.required.<ENVIRONMENT_VARIABLE>=${setting}}
 * (common's microprofile-config.properties and each service's application.properties; k8s-check reads the same lines).
 * Reading this mapping expands every expression while the configuration is built, before any extension starts, and
 * SmallRye Config reports all that cannot be expanded at once: one start-up error naming each missing setting and the
 * environment variable that sets it. Nothing reads the values; the mapping exists for that check, and as nothing
 * injects it, it is unremovable: Quarkus registers only mappings that are injected or marked so.
 */
@Unremovable
@ConfigMapping(prefix = "callbook.production")
public interface ProductionSettings {

    /** By environment variable name; empty outside the prod profile. */
    Map<String, Setting> required();

    interface Setting {
        @WithParentName
        String value();
    }
}
