package io.callbook.resolver.infra;

import io.callbook.resolver.domain.NumberResolver;
import io.callbook.resolver.domain.ResolverConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** A new replica can fill its caches before it takes traffic, so its first callers wait no longer than the rest. */
@ApplicationScoped
public class StartupCacheWarmer {

    private static final Logger LOG = Logger.getLogger(StartupCacheWarmer.class);

    private final NumberResolver resolver;
    private final ResolverConfig config;

    public StartupCacheWarmer(NumberResolver resolver, ResolverConfig config) {
        this.resolver = resolver;
        this.config = config;
    }

    @ActivateRequestContext
    void warm(@Observes StartupEvent startup) {
        if (config.warmOnStart()) {
            long start = System.nanoTime();
            int warmed = resolver.warm();
            LOG.infof("Warmed %d resolutions in %d ms", warmed, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
