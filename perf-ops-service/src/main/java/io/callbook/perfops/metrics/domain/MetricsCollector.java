package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.suite.domain.ReplicaMetrics;
import io.callbook.perfops.suite.domain.ReplicaScrape;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scrapes the suite, computes its figures against the previous scrape, judges the alerts and keeps the results as a
 * rolling history ({@code callbook.ops.metrics.history} long) that the API, the dashboard's live feed and charts read.
 * Each replica of perf-ops keeps its own history; they all see the same suite. One collection at a time: a second
 * caller waits for the first and then collects anew. Alerts are logged when raised and cleared and exported as
 * {@code callbook.ops.alerts{service,name}} (1 while raised, 0 after).
 */
@ApplicationScoped
public class MetricsCollector {

    private static final Logger LOG = Logger.getLogger(MetricsCollector.class);

    private final ReplicaMetrics replicas;
    private final ConsumerOffsets offsets;
    private final InboxCounter inbox;
    private final MetricsConfig config;
    private final MeterRegistry registry;
    private final ConsumerLag consumerLag;
    private final AlertBook alerts;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedDeque<SuiteMetrics> history = new ConcurrentLinkedDeque<>();
    private final Map<String, AtomicInteger> alertGauges = new ConcurrentHashMap<>();
    private final BroadcastProcessor<SuiteMetrics> feed = BroadcastProcessor.create();
    private Instant previousAt;
    private List<ReplicaScrape> previous = List.of();

    public MetricsCollector(ReplicaMetrics replicas, ConsumerOffsets offsets, InboxCounter inbox, MetricsConfig config,
                            MeterRegistry registry) {
        this.replicas = replicas;
        this.offsets = offsets;
        this.inbox = inbox;
        this.config = config;
        this.registry = registry;
        this.consumerLag = new ConsumerLag(config.groupPrefixes());
        this.alerts = new AlertBook(config.thresholds());
    }

    /** Scrapes every replica now and adds the result to the history and the live feed. */
    public SuiteMetrics collect() {
        lock.lock();
        try {
            Instant at = Instant.now();
            List<ReplicaScrape> scrapes = replicas.scrapeAll();
            List<SuiteMetrics.ConsumerGroup> groups = consumerLag.groups(offsets.read());
            SuiteMetricsCalculator.Computed computed = SuiteMetricsCalculator.compute(previousAt, previous, at,
                    scrapes, groups, inbox.counts(at));
            previousAt = at;
            previous = scrapes;
            List<SuiteMetrics> recent = new ArrayList<>(recent(config.thresholds().growingScrapes()));
            recent.add(computed.metrics());
            AlertBook.Evaluation evaluation = alerts.evaluate(computed.metrics(), computed.cacheLookups(), recent);
            announce(evaluation);
            SuiteMetrics metrics = withAlerts(computed.metrics(), evaluation.active());
            remember(metrics);
            feed.onNext(metrics);
            return metrics;
        } finally {
            lock.unlock();
        }
    }

    public Optional<SuiteMetrics> latest() {
        return Optional.ofNullable(history.peekLast());
    }

    /** The latest figures; collects first when nothing was collected yet (rates then need a second collection). */
    public SuiteMetrics latestOrCollect() {
        return latest().orElseGet(this::collect);
    }

    /** Oldest first, those collected within the last {@code span}. */
    public List<SuiteMetrics> history(Duration span) {
        Instant since = Instant.now().minus(span);
        return history.stream().filter(metrics -> !metrics.at().isBefore(since)).toList();
    }

    /** Every collection from now on, starting with the latest one; a subscriber too slow to take one misses it. */
    public Multi<SuiteMetrics> feed() {
        Multi<SuiteMetrics> first = Multi.createFrom().optional(latest());
        return Multi.createBy().concatenating().streams(first, feed.onOverflow().drop());
    }

    private List<SuiteMetrics> recent(int count) {
        List<SuiteMetrics> all = new ArrayList<>(history);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    private void remember(SuiteMetrics metrics) {
        history.addLast(metrics);
        Instant oldest = metrics.at().minus(config.history());
        while (!history.isEmpty() && history.peekFirst().at().isBefore(oldest)) {
            history.pollFirst();
        }
    }

    private void announce(AlertBook.Evaluation evaluation) {
        for (SuiteMetrics.Alert alert : evaluation.raised()) {
            LOG.warnf("Alert raised: %s %s: %s", alert.service(), alert.name(), alert.text());
            gauge(alert).set(1);
        }
        for (SuiteMetrics.Alert alert : evaluation.cleared()) {
            LOG.infof("Alert cleared: %s %s (raised since %s)", alert.service(), alert.name(), alert.since());
            gauge(alert).set(0);
        }
    }

    private AtomicInteger gauge(SuiteMetrics.Alert alert) {
        return alertGauges.computeIfAbsent(alert.service() + "|" + alert.name(), key -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("callbook.ops.alerts", value, AtomicInteger::get)
                    .description("1 while the alert is raised")
                    .tag("service", alert.service()).tag("name", alert.name())
                    .register(registry);
            return value;
        });
    }

    private static SuiteMetrics withAlerts(SuiteMetrics metrics, List<SuiteMetrics.Alert> alerts) {
        return new SuiteMetrics(metrics.at(), metrics.window(), metrics.services(), alerts, metrics.consumerGroups());
    }
}
