package io.callbook.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Route latency as Prometheus histograms plus p50/p95/p99, for the dashboard and alerting. Calls to other services
 * get the three percentiles but no buckets: nothing aggregates them across replicas, and their ~60 buckets per route
 * were a third of webhook-service's /q/metrics, which perf-ops scrapes every few seconds.
 */
public class LatencyHistograms {

    @Produces
    @Singleton
    public MeterFilter httpLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                boolean client = id.getName().startsWith("http.client.requests");
                if (client || id.getName().startsWith("http.server.requests") || id.getName().startsWith("callbook.")) {
                    return DistributionStatisticConfig.builder()
                            .percentiles(0.5, 0.95, 0.99)
                            .percentilesHistogram(!client)
                            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                            .build()
                            .merge(config);
                }
                return config;
            }
        };
    }
}
