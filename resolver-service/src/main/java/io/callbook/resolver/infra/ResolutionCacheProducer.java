package io.callbook.resolver.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.cache.RedisCacheStore;
import io.callbook.common.cache.TwoLevelCache;
import io.callbook.resolver.domain.Resolution;
import io.callbook.resolver.domain.ResolverConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class ResolutionCacheProducer {

    @Produces
    @Singleton
    TwoLevelCache<Resolution> resolutionCache(@CacheName("resolution") Cache local, RedisCacheStore redis,
                                              ObjectMapper json, ResolverConfig config, MeterRegistry metrics) {
        return new TwoLevelCache<>("resolution", local, redis, json, Resolution.class, config.resolutionTtl(), metrics);
    }
}
