package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.suite.domain.MetricSample;
import io.callbook.perfops.suite.domain.ReplicaScrape;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The suite's figures from two consecutive scrapes. Rates, error shares, percentiles, hit rates, GC time and CPU are
 * over the window between them, from the increase of each replica's counters (a replica without a previous scrape adds
 * nothing to them yet); gauges (pool, heap, RSS, outbox) are the latest. Percentiles come from the route histograms'
 * bucket increases merged over replicas and statuses; where a service exposes no buckets, or there is no previous
 * scrape, the replicas' own quantile gauges stand in (the worst replica's, as quantiles cannot be merged). The outbox
 * and inbox live in one database shared by a service's replicas, so their figures are the largest any replica reports,
 * not a sum.
 */
public final class SuiteMetricsCalculator {

    static final String REQUESTS = "http_server_requests_seconds";
    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    /** The figures plus what alerting needs beyond them. */
    public record Computed(SuiteMetrics metrics, Map<String, Double> cacheLookups) {
    }

    /** Counts in a service's inbox table. */
    public record InboxCounts(long depth, long deadLetters) {
    }

    private SuiteMetricsCalculator() {
    }

    /**
     * @param previous the scrapes before, empty on the first collection
     * @param inbox    per service name, for the services that have an inbox
     */
    public static Computed compute(Instant previousAt, List<ReplicaScrape> previous, Instant at,
                                   List<ReplicaScrape> current, List<SuiteMetrics.ConsumerGroup> groups,
                                   Map<String, InboxCounts> inbox) {
        double window = previousAt == null || previous.isEmpty() ? 0
                : Duration.between(previousAt, at).toNanos() / 1e9;
        Map<String, ReplicaScrape> before = new HashMap<>();
        for (ReplicaScrape scrape : previous) {
            if (scrape.answered()) {
                before.put(key(scrape), scrape);
            }
        }
        Map<String, List<ReplicaScrape>> byService = new LinkedHashMap<>();
        current.stream().sorted(java.util.Comparator.comparing(ReplicaScrape::service))
                .forEach(scrape -> byService.computeIfAbsent(scrape.service(), name -> new ArrayList<>()).add(scrape));
        List<SuiteMetrics.ServiceMetrics> services = new ArrayList<>();
        Map<String, Double> lookups = new HashMap<>();
        for (Map.Entry<String, List<ReplicaScrape>> entry : byService.entrySet()) {
            String service = entry.getKey();
            List<Figures> replicas = entry.getValue().stream().filter(ReplicaScrape::answered)
                    .map(scrape -> Figures.of(scrape, window > 0 ? before.get(key(scrape)) : null))
                    .toList();
            List<String> down = entry.getValue().stream().filter(scrape -> !scrape.answered())
                    .map(scrape -> scrape.replica() + ": " + scrape.error().orElse("no answer")).toList();
            double[] cache = cache(replicas);
            lookups.put(service, cache[1]);
            services.add(service(service, replicas, down, window, cache, groups, inbox.get(service)));
        }
        return new Computed(new SuiteMetrics(at, window, services, List.of(), groups), lookups);
    }

    private static SuiteMetrics.ServiceMetrics service(String service, List<Figures> replicas, List<String> down,
                                                       double window, double[] cache,
                                                       List<SuiteMetrics.ConsumerGroup> groups, InboxCounts inbox) {
        Map<String, Predicate<MetricSample>> routes = new TreeMap<>();
        for (Figures figures : replicas) {
            for (MetricSample sample : figures.current().named(REQUESTS + "_count")) {
                routes.computeIfAbsent(route(sample), route -> sample2 -> route(sample2).equals(route));
            }
        }
        List<SuiteMetrics.RouteMetrics> routeMetrics = new ArrayList<>();
        for (Map.Entry<String, Predicate<MetricSample>> route : routes.entrySet()) {
            Traffic traffic = traffic(replicas, route.getValue(), window);
            routeMetrics.add(new SuiteMetrics.RouteMetrics(route.getKey(), traffic.rate, traffic.percentiles[0],
                    traffic.percentiles[1], traffic.percentiles[2], traffic.errorRate));
        }
        Traffic all = traffic(replicas, sample -> true, window);
        SuiteMetrics.Pool pool = PoolReading.merge(replicas.stream().map(PoolReading::of).toList());
        Long outboxBacklog = largest(replicas, "callbook_outbox_backlog").map(Math::round).orElse(null);
        Double outboxAge = largest(replicas, "callbook_outbox_oldest_age_seconds").orElse(null);
        return new SuiteMetrics.ServiceMetrics(service, replicas.size(), down, all.rate, all.percentiles[0],
                all.percentiles[1], all.percentiles[2], all.errorRate,
                cache[1] > 0 ? cache[0] / cache[1] : null, pool,
                ConsumerLag.serviceLag(service, groups), outboxBacklog, outboxAge,
                inbox == null ? null : inbox.depth(), inbox == null ? null : inbox.deadLetters(),
                jvm(replicas, window), routeMetrics);
    }

    private record Traffic(double rate, double errorRate, Double[] percentiles) {
    }

    private static Traffic traffic(List<Figures> replicas, Predicate<MetricSample> route, double window) {
        double requests = 0;
        double errors = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        boolean anyBuckets = false;
        boolean anyPrevious = false;
        for (Figures figures : replicas) {
            anyPrevious |= figures.hasPrevious();
            requests += figures.increase(REQUESTS + "_count", route);
            errors += figures.increase(REQUESTS + "_count", route.and(sample -> sample.label("status").startsWith("5")));
            for (MetricSample bucket : figures.current().named(REQUESTS + "_bucket")) {
                if (!route.test(bucket)) {
                    continue;
                }
                anyBuckets = true;
                if (figures.hasPrevious()) {
                    buckets.merge(bound(bucket.label("le")), figures.increase(bucket), Double::sum);
                }
            }
        }
        Double[] percentiles = new Double[QUANTILES.length];
        for (int i = 0; i < QUANTILES.length; i++) {
            if (anyBuckets && anyPrevious) {
                Double seconds = HistogramQuantile.of(QUANTILES[i], buckets);
                percentiles[i] = seconds == null ? null : seconds * 1000;
            } else {
                percentiles[i] = reportedQuantile(replicas, route, QUANTILES[i]);
            }
        }
        return new Traffic(window > 0 ? requests / window : 0, requests > 0 ? errors / requests : 0, percentiles);
    }

    private static Double reportedQuantile(List<Figures> replicas, Predicate<MetricSample> route, double q) {
        double worst = Double.NaN;
        for (Figures figures : replicas) {
            for (MetricSample sample : figures.current().named(REQUESTS)) {
                String quantile = sample.label("quantile");
                if (!quantile.isEmpty() && route.test(sample) && Double.parseDouble(quantile) == q
                        && Double.isFinite(sample.value()) && !(sample.value() <= worst)) {
                    worst = sample.value();
                }
            }
        }
        return Double.isNaN(worst) ? null : worst * 1000;
    }

    /**
     * Hits and lookups in the window over all of a service's caches. Callbook's own meter
     * ({@code callbook_cache_lookups_total}, counting each lookup once at the level that answered it) wins over
     * Caffeine's {@code cache_gets_total} for a cache that has both, since Caffeine sees only the in-process level.
     */
    static double[] cache(List<Figures> replicas) {
        double hits = 0;
        double lookups = 0;
        for (Figures figures : replicas) {
            java.util.Set<String> own = new java.util.HashSet<>();
            for (MetricSample sample : figures.current().named("callbook_cache_lookups_total")) {
                own.add(sample.label("cache"));
                double increase = figures.increase(sample);
                if (figures.hasPrevious()) {
                    lookups += increase;
                    hits += sample.label("result").equals("hit") ? increase : 0;
                }
            }
            for (MetricSample sample : figures.current().named("cache_gets_total")) {
                String result = sample.label("result");
                if (own.contains(sample.label("cache")) || !figures.hasPrevious()
                        || !(result.equals("hit") || result.equals("miss"))) {
                    continue;
                }
                double increase = figures.increase(sample);
                lookups += increase;
                hits += result.equals("hit") ? increase : 0;
            }
        }
        return new double[]{hits, lookups};
    }

    private static SuiteMetrics.Jvm jvm(List<Figures> replicas, double window) {
        if (replicas.isEmpty()) {
            return null;
        }
        double heapUsed = 0;
        double heapMax = 0;
        double gc = 0;
        double cpu = 0;
        double rss = 0;
        for (Figures figures : replicas) {
            Predicate<MetricSample> heap = sample -> sample.label("area").equals("heap");
            heapUsed += figures.sum("jvm_memory_used_bytes", heap);
            heapMax += figures.sum("jvm_memory_max_bytes", heap.and(sample -> sample.value() > 0));
            rss += figures.sum("process_resident_memory_bytes");
            if (window > 0 && figures.hasPrevious()) {
                gc += figures.increase("jvm_gc_pause_seconds_sum", sample -> true) / window;
            }
            if (window > 0 && figures.hasPrevious() && !figures.current().named("process_cpu_time_ns_total").isEmpty()) {
                cpu += figures.increase("process_cpu_time_ns_total", sample -> true) / 1e9 / window;
            } else {
                // process_cpu_usage is a share of all the machine's cores.
                double cores = figures.sum("system_cpu_count");
                cpu += figures.sum("process_cpu_usage") * (cores > 0 ? cores : 1);
            }
        }
        return new SuiteMetrics.Jvm(heapUsed, heapMax, gc, cpu, rss);
    }

    private static Optional<Double> largest(List<Figures> replicas, String name) {
        return replicas.stream().flatMap(figures -> figures.current().named(name).stream())
                .map(MetricSample::value).filter(Double::isFinite).max(Double::compare);
    }

    /** e.g. "GET /v1/resolve"; Micrometer's uri label is the route template, not the path. */
    static String route(MetricSample sample) {
        return sample.label("method") + " " + sample.label("uri");
    }

    private static double bound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    private static String key(ReplicaScrape scrape) {
        return scrape.service() + " " + scrape.replica();
    }
}
