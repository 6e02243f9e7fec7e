package io.callbook.resolver.infra;

import io.callbook.common.ops.CacheWarmer;
import io.callbook.resolver.domain.NumberResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The resolution cache in the suite's warm-caches command: the assigned numbers within the warm budget, both levels
 * (as at start-up).
 */
@ApplicationScoped
public class ResolutionCacheWarmer implements CacheWarmer {

    private final NumberResolver resolver;

    public ResolutionCacheWarmer(NumberResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String cache() {
        return "resolution";
    }

    @Override
    public int warm() {
        return resolver.warm();
    }
}
