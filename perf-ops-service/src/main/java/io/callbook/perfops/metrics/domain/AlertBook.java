package io.callbook.perfops.metrics.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The alerts raised, judged anew at every collection. An alert is raised when its figure crosses the threshold and
 * stays (with the time it was first seen) until a collection finds the figure back within; a figure that cannot be
 * judged (no traffic, too few requests or lookups, no pool size) clears it. Rules, per service:
 * <ul>
 *     <li>p95: the service's p95 above {@code p95-ms};</li>
 *     <li>error-rate: the 5xx share above {@code error-rate}, with at least {@code min-requests} requests in the window;</li>
 *     <li>cache-hit-rate: the hit share below {@code cache-hit-rate}, with at least {@code min-lookups} lookups;</li>
 *     <li>pool-usage: active connections above {@code pool-usage} of the pool's maximum;</li>
 *     <li>consumer-lag and outbox-age: the figure grew at each of the last {@code growing-scrapes} collections (the
 *     outbox's age also above {@code outbox-age-min-seconds}): a consumer or relay that falls behind, not a burst.</li>
 * </ul>
 * Not thread-safe: one collector calls it at a time.
 */
public final class AlertBook {

    /** What changed at one evaluation. */
    public record Evaluation(List<SuiteMetrics.Alert> active, List<SuiteMetrics.Alert> raised,
                             List<SuiteMetrics.Alert> cleared) {
    }

    private final MetricsConfig.Thresholds thresholds;
    private final Map<String, SuiteMetrics.Alert> active = new LinkedHashMap<>();

    public AlertBook(MetricsConfig.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param recent  the latest collections, oldest first, ending with {@code metrics}'s own
     * @param lookups cache lookups in the window, per service
     */
    public Evaluation evaluate(SuiteMetrics metrics, Map<String, Double> lookups, List<SuiteMetrics> recent) {
        Map<String, SuiteMetrics.Alert> crossed = new LinkedHashMap<>();
        for (SuiteMetrics.ServiceMetrics service : metrics.services()) {
            for (SuiteMetrics.Alert alert : crossed(service, metrics.window(), lookups.getOrDefault(service.service(), 0.0),
                    recent, metrics.at())) {
                crossed.put(key(alert), alert);
            }
        }
        List<SuiteMetrics.Alert> raised = new ArrayList<>();
        List<SuiteMetrics.Alert> cleared = new ArrayList<>();
        for (Map.Entry<String, SuiteMetrics.Alert> entry : crossed.entrySet()) {
            SuiteMetrics.Alert before = active.get(entry.getKey());
            SuiteMetrics.Alert now = entry.getValue();
            if (before == null) {
                raised.add(now);
                active.put(entry.getKey(), now);
            } else {
                active.put(entry.getKey(), new SuiteMetrics.Alert(now.service(), now.name(), now.value(),
                        now.threshold(), now.text(), before.since()));
            }
        }
        for (var iterator = active.entrySet().iterator(); iterator.hasNext(); ) {
            Map.Entry<String, SuiteMetrics.Alert> entry = iterator.next();
            if (!crossed.containsKey(entry.getKey())) {
                cleared.add(entry.getValue());
                iterator.remove();
            }
        }
        List<SuiteMetrics.Alert> list = active.values().stream()
                .sorted(Comparator.comparing(SuiteMetrics.Alert::service).thenComparing(SuiteMetrics.Alert::name))
                .toList();
        return new Evaluation(list, raised, cleared);
    }

    private List<SuiteMetrics.Alert> crossed(SuiteMetrics.ServiceMetrics service, double window, double lookups,
                                             List<SuiteMetrics> recent, Instant at) {
        String name = service.service();
        List<SuiteMetrics.Alert> alerts = new ArrayList<>();
        if (service.p95Ms() != null && service.p95Ms() > thresholds.p95Ms()) {
            String worst = service.routes().stream().filter(route -> route.p95Ms() != null)
                    .max(Comparator.comparing(SuiteMetrics.RouteMetrics::p95Ms))
                    .map(route -> "; slowest route " + route.route() + " at " + Math.round(route.p95Ms()) + " ms")
                    .orElse("");
            alerts.add(new SuiteMetrics.Alert(name, "p95", service.p95Ms(), thresholds.p95Ms(),
                    "p95 latency " + Math.round(service.p95Ms()) + " ms is over " + Math.round(thresholds.p95Ms())
                            + " ms" + worst, at));
        }
        if (service.requestRate() * window >= thresholds.minRequests() && service.errorRate() > thresholds.errorRate()) {
            alerts.add(new SuiteMetrics.Alert(name, "error-rate", service.errorRate(), thresholds.errorRate(),
                    percent(service.errorRate()) + " of responses are 5xx (limit " + percent(thresholds.errorRate()) + ")",
                    at));
        }
        if (service.cacheHitRate() != null && lookups >= thresholds.minLookups()
                && service.cacheHitRate() < thresholds.cacheHitRate()) {
            alerts.add(new SuiteMetrics.Alert(name, "cache-hit-rate", service.cacheHitRate(), thresholds.cacheHitRate(),
                    "cache hit rate " + percent(service.cacheHitRate()) + " is under "
                            + percent(thresholds.cacheHitRate()), at));
        }
        SuiteMetrics.Pool pool = service.pool();
        if (pool != null && pool.max() > 0 && pool.usage() > thresholds.poolUsage()) {
            alerts.add(new SuiteMetrics.Alert(name, "pool-usage", pool.usage(), thresholds.poolUsage(),
                    "pool " + percent(pool.usage()) + " used (" + pool.active() + " of " + pool.max() + ", "
                            + pool.waiting() + " waiting)", at));
        }
        List<Double> lag = series(recent, name, metrics -> metrics.consumerLag() == null ? null
                : metrics.consumerLag().doubleValue());
        if (growing(lag) && lag.getLast() > 0) {
            alerts.add(new SuiteMetrics.Alert(name, "consumer-lag", lag.getLast(), thresholds.growingScrapes(),
                    "consumer lag grew at each of the last " + thresholds.growingScrapes() + " scrapes, now "
                            + Math.round(lag.getLast()) + " records", at));
        }
        List<Double> age = series(recent, name, SuiteMetrics.ServiceMetrics::outboxOldestAge);
        if (growing(age) && age.getLast() > thresholds.outboxAgeMinSeconds()) {
            alerts.add(new SuiteMetrics.Alert(name, "outbox-age", age.getLast(), thresholds.outboxAgeMinSeconds(),
                    "the oldest unpublished outbox event is " + Math.round(age.getLast())
                            + " s old and grew at each of the last " + thresholds.growingScrapes() + " scrapes", at));
        }
        return alerts;
    }

    /** The figure over the last growing-scrapes + 1 collections, oldest first; shorter when a figure is missing. */
    private List<Double> series(List<SuiteMetrics> recent, String service,
                                Function<SuiteMetrics.ServiceMetrics, Double> figure) {
        int needed = thresholds.growingScrapes() + 1;
        List<Double> values = new ArrayList<>();
        for (SuiteMetrics metrics : recent.subList(Math.max(0, recent.size() - needed), recent.size())) {
            Double value = metrics.service(service).map(figure).orElse(null);
            if (value == null) {
                return List.of();
            }
            values.add(value);
        }
        return values.size() == needed ? values : List.of();
    }

    private static boolean growing(List<Double> values) {
        if (values.size() < 2) {
            return false;
        }
        for (int i = 1; i < values.size(); i++) {
            if (!(values.get(i) > values.get(i - 1))) {
                return false;
            }
        }
        return true;
    }

    private static String key(SuiteMetrics.Alert alert) {
        return alert.service() + "|" + alert.name();
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
    }
}
