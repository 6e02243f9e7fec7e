package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.suite.domain.MetricSample;
import io.callbook.perfops.suite.domain.ReplicaScrape;

import java.util.Collection;
import java.util.List;

/**
 * A replica's datasource pool from Agroal's meters ({@code quarkus.datasource.metrics.enabled=true}) and
 * {@code callbook_datasource_max_size}. Every datasource of the replica counts together. Without Agroal's meters there
 * is no pool to show (null); without the max size, max is 0 and the usage cannot be told.
 */
final class PoolReading {

    private PoolReading() {
    }

    static SuiteMetrics.Pool of(ReplicaScrape scrape) {
        return of(Figures.of(scrape, null));
    }

    /** The acquire time is the window's when there is a previous scrape with acquisitions in between. */
    static SuiteMetrics.Pool of(Figures figures) {
        if (!figures.has("agroal_active_count")) {
            return null;
        }
        long active = total(figures.family("agroal_active_count"));
        long idle = total(figures.family("agroal_available_count"));
        long waiting = total(figures.family("agroal_awaiting_count"));
        long max = total(figures.family("callbook_datasource_max_size"));
        long leaks = total(figures.family("agroal_leak_detection_count"));
        return new SuiteMetrics.Pool(active, idle, waiting, max, acquireMs(figures), leaks);
    }

    /** Sums replicas' pools; the acquire time is the mean of those that know it. */
    static SuiteMetrics.Pool merge(Collection<SuiteMetrics.Pool> pools) {
        List<SuiteMetrics.Pool> known = pools.stream().filter(pool -> pool != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        Double acquire = known.stream().filter(pool -> pool.acquireMs() != null)
                .mapToDouble(SuiteMetrics.Pool::acquireMs).average().stream().boxed().findFirst().orElse(null);
        return new SuiteMetrics.Pool(
                known.stream().mapToLong(SuiteMetrics.Pool::active).sum(),
                known.stream().mapToLong(SuiteMetrics.Pool::idle).sum(),
                known.stream().mapToLong(SuiteMetrics.Pool::waiting).sum(),
                known.stream().mapToLong(SuiteMetrics.Pool::max).sum(),
                acquire,
                known.stream().mapToLong(SuiteMetrics.Pool::leaks).sum());
    }

    private static Double acquireMs(Figures figures) {
        if (figures.hasPrevious()) {
            double acquisitions = figures.family("agroal_acquire_count").stream().mapToDouble(figures::increase).sum();
            double blocked = figures.family("agroal_blocking_time_total").stream()
                    .mapToDouble(sample -> scaleLike(sample, figures.increase(sample))).sum();
            if (acquisitions > 0) {
                return blocked / acquisitions;
            }
        }
        List<MetricSample> averages = figures.family("agroal_blocking_time_average");
        return averages.isEmpty() ? null : averages.stream().mapToDouble(Figures::millis).average().orElse(0);
    }

    private static double scaleLike(MetricSample sample, double value) {
        return Figures.millis(new MetricSample(sample.name(), sample.labels(), value));
    }

    private static long total(List<MetricSample> samples) {
        return Math.round(samples.stream().mapToDouble(sample -> Figures.finite(sample.value())).sum());
    }
}
