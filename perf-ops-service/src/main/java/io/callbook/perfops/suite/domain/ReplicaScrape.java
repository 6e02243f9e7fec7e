package io.callbook.perfops.suite.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one replica's {@code /q/metrics} said at one moment.
 *
 * @param error why nothing was read (the replica is down, slow or answered with an error); empty when it answered
 */
public record ReplicaScrape(String service, URI replica, Instant at, List<MetricSample> samples, Optional<String> error) {

    public boolean answered() {
        return error.isEmpty();
    }

    public List<MetricSample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** The sum of every series of the metric that matches, e.g. all routes' request counts; 0 when there is none. */
    public double sum(String name, Predicate<MetricSample> filter) {
        return samples.stream().filter(sample -> sample.name().equals(name)).filter(filter)
                .mapToDouble(MetricSample::value).sum();
    }

    public double sum(String name) {
        return sum(name, sample -> true);
    }
}
