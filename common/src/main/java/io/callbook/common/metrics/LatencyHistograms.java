package io.callbook.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Route latency as Prometheus histogram buckets, for the dashboard and alerting: Prometheus and perf-ops compute the
 * percentiles from the buckets, merged over replicas, so a service does not keep percentiles of its own routes as
 * well (a sliding window of histograms per route and status, written on every request). Calls to other services keep
 * their p50/p95/p99 and no buckets: nothing aggregates them across replicas, and their ~60 buckets per route were a
 * third of webhook-service's /q/metrics, which perf-ops scrapes every few seconds.
 */
public class LatencyHistograms {

    private static final double MINIMUM = Duration.ofMillis(1).toNanos();
    private static final double MAXIMUM = Duration.ofSeconds(10).toNanos();

    @Produces
    @Singleton
    public MeterFilter httpLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().startsWith("http.client.requests")) {
                    return DistributionStatisticConfig.builder().percentiles(0.5, 0.95, 0.99)
                            .minimumExpectedValue(MINIMUM).maximumExpectedValue(MAXIMUM).build().merge(config);
                }
                if (id.getName().startsWith("http.server.requests") || id.getName().startsWith("callbook.")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true)
                            .minimumExpectedValue(MINIMUM).maximumExpectedValue(MAXIMUM).build().merge(config);
                }
                return config;
            }
        };
    }
}
