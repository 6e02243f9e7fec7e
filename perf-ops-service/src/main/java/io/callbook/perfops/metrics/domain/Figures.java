package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.suite.domain.MetricSample;
import io.callbook.perfops.suite.domain.ReplicaScrape;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One replica's scrape with the one before it, so that counters can be read as increases. A counter lower than before
 * means the replica restarted: its whole value is then the increase.
 */
record Figures(ReplicaScrape current, ReplicaScrape previous, Map<Series, Double> previousValues) {

    record Series(String name, Map<String, String> labels) {
    }

    static Figures of(ReplicaScrape current, ReplicaScrape previous) {
        Map<Series, Double> values = new HashMap<>();
        if (previous != null) {
            for (MetricSample sample : previous.samples()) {
                values.put(new Series(sample.name(), sample.labels()), sample.value());
            }
        }
        return new Figures(current, previous, values);
    }

    boolean hasPrevious() {
        return previous != null;
    }

    /** The increase of every matching series of a counter since the previous scrape; 0 without one. */
    double increase(String name, Predicate<MetricSample> filter) {
        if (previous == null) {
            return 0;
        }
        double sum = 0;
        for (MetricSample sample : current.samples()) {
            if (sample.name().equals(name) && filter.test(sample)) {
                sum += increase(sample);
            }
        }
        return sum;
    }

    double increase(MetricSample sample) {
        Double before = previousValues.get(new Series(sample.name(), sample.labels()));
        double now = finite(sample.value());
        if (before == null) {
            // A series that appeared since the last scrape (a first request to a route) counted from zero.
            return now;
        }
        double was = finite(before);
        return now >= was ? now - was : now;
    }

    /** Every series of the metric, e.g. agroal_blocking_time_total also as agroal_blocking_time_total_milliseconds. */
    List<MetricSample> family(String name) {
        return current.samples().stream()
                .filter(sample -> sample.name().equals(name) || sample.name().startsWith(name + "_")
                        && isUnitSuffix(sample.name().substring(name.length() + 1)))
                .toList();
    }

    boolean has(String name) {
        return !family(name).isEmpty();
    }

    double sum(String name, Predicate<MetricSample> filter) {
        return current.samples().stream().filter(sample -> sample.name().equals(name)).filter(filter)
                .mapToDouble(sample -> finite(sample.value())).sum();
    }

    double sum(String name) {
        return sum(name, sample -> true);
    }

    /** A time metric in milliseconds, whatever unit its name carries. */
    static double millis(MetricSample sample) {
        double value = finite(sample.value());
        return sample.name().endsWith("_seconds") ? value * 1000
                : sample.name().endsWith("_nanoseconds") ? value / 1e6
                : sample.name().endsWith("_microseconds") ? value / 1e3
                : value;
    }

    static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static boolean isUnitSuffix(String suffix) {
        return switch (suffix) {
            case "seconds", "milliseconds", "microseconds", "nanoseconds", "total", "seconds_total",
                 "milliseconds_total", "bytes", "connections" -> true;
            default -> false;
        };
    }
}
