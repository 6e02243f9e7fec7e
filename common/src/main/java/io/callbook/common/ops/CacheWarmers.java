package io.callbook.common.ops;

import io.callbook.common.contracts.ops.CachesWarmed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Every {@link CacheWarmer} of this service, run one after the other in cache name order. */
@ApplicationScoped
public class CacheWarmers {

    private static final Logger LOG = Logger.getLogger(CacheWarmers.class);

    private final Instance<CacheWarmer> warmers;
    private final MeterRegistry metrics;

    public CacheWarmers(@Any Instance<CacheWarmer> warmers, MeterRegistry metrics) {
        this.warmers = warmers;
        this.metrics = metrics;
    }

    /** One entry per warmer, failures included; empty for a service with nothing to warm. Never throws. */
    @ActivateRequestContext
    public List<CachesWarmed.Cache> warmAll() {
        List<CacheWarmer> all = warmers.stream().sorted(Comparator.comparing(CacheWarmer::cache)).toList();
        List<CachesWarmed.Cache> results = new ArrayList<>(all.size());
        for (CacheWarmer warmer : all) {
            long start = System.nanoTime();
            try {
                int entries = warmer.warm();
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.infof("Warmed cache %s: %d entries in %d ms", warmer.cache(), entries, ms);
                results.add(new CachesWarmed.Cache(warmer.cache(), entries, ms, null));
                record(warmer.cache(), "ok", entries, start);
            } catch (RuntimeException e) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.warnf(e, "Could not warm cache %s", warmer.cache());
                results.add(new CachesWarmed.Cache(warmer.cache(), 0, ms, e.toString()));
                record(warmer.cache(), "error", 0, start);
            }
        }
        return results;
    }

    /** callbook_ops_cache_warmed_total (entries) and callbook_ops_cache_warm_seconds, per cache. */
    private void record(String cache, String outcome, int entries, long start) {
        Counter.builder("callbook.ops.cache.warmed").tag("cache", cache).register(metrics).increment(entries);
        Timer.builder("callbook.ops.cache.warm").tag("cache", cache).tag("outcome", outcome).register(metrics)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
