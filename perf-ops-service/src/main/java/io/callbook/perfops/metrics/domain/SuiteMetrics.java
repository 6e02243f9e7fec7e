package io.callbook.perfops.metrics.domain;

import java.time.Instant;
import java.util.List;

/**
 * The suite at one moment, as {@code GET /v1/ops/metrics} and the dashboard's live feed show it. Rates and
 * percentiles are over the window since the previous scrape, merged across a service's replicas.
 *
 * @param window         seconds between the two scrapes the rates come from
 * @param consumerGroups every Kafka consumer group with its lag, also those no service is known for, but not the
 *                       per-replica groups of replicas that are gone
 */
public record SuiteMetrics(Instant at, double window, List<ServiceMetrics> services, List<Alert> alerts,
                           List<ConsumerGroup> consumerGroups) {

    public SuiteMetrics(Instant at, double window, List<ServiceMetrics> services, List<Alert> alerts) {
        this(at, window, services, alerts, List.of());
    }

    /** The service of that name, if it was scraped. */
    public java.util.Optional<ServiceMetrics> service(String name) {
        return services.stream().filter(service -> service.service().equals(name)).findFirst();
    }

    /**
     * @param service the service the group's name says it belongs to; null when no prefix matches
     * @param state   Kafka's group state, e.g. Stable, Empty
     * @param lag     records not read yet, summed over the group's partitions
     */
    public record ConsumerGroup(String group, String service, String state, long lag, int partitions) {
    }

    /**
     * One service, all its replicas together. A figure the service does not have (no cache, no outbox) is null.
     *
     * @param replicas        replicas that answered the scrape
     * @param down            replicas that did not, with the reason
     * @param requestRate     requests per second
     * @param errorRate       share (0–1) of responses with a 5xx status
     * @param cacheHitRate    share (0–1) of cache lookups that hit, over all its caches
     * @param consumerLag     records its consumer groups have not read yet, summed over their partitions
     * @param outboxBacklog   events written but not yet published
     * @param outboxOldestAge seconds the oldest unpublished event has waited
     * @param inboxDepth      received webhooks not yet processed (webhook-service)
     * @param deadLetters     webhooks given up on (webhook-service)
     * @param cpu             process CPU, in cores (1.0 = one core busy), summed over replicas
     * @param rssBytes        resident memory, summed over replicas
     */
    public record ServiceMetrics(String service, int replicas, List<String> down, double requestRate, Double p50Ms,
                                 Double p95Ms, Double p99Ms, double errorRate, Double cacheHitRate, Pool pool,
                                 Long consumerLag, Long outboxBacklog, Double outboxOldestAge, Long inboxDepth,
                                 Long deadLetters, Jvm jvm, List<RouteMetrics> routes) {
    }

    /** @param route e.g. "GET /v1/resolve" */
    public record RouteMetrics(String route, double requestRate, Double p50Ms, Double p95Ms, Double p99Ms,
                               double errorRate) {
    }

    /**
     * The datasource pool, summed over replicas.
     *
     * @param acquireMs average time to get a connection
     * @param leaks     connections held longer than the leak-detection interval
     */
    public record Pool(long active, long idle, long waiting, long max, Double acquireMs, long leaks) {

        public double usage() {
            return max == 0 ? 0 : (double) active / max;
        }
    }

    /** @param gcSeconds seconds spent in GC pauses per second of the window */
    public record Jvm(double heapUsedBytes, double heapMaxBytes, double gcSeconds, double cpu, double rssBytes) {
    }

    /**
     * A threshold crossed.
     *
     * @param name      e.g. p95, error-rate, cache-hit-rate, pool-usage, consumer-lag, outbox-age
     * @param value     the measured figure
     * @param threshold the configured limit
     * @param since     when it was first seen crossed (it stays until the figure is back within)
     */
    public record Alert(String service, String name, double value, double threshold, String text, Instant since) {
    }
}
