package io.callbook.perfops.metrics.infra;

import io.callbook.perfops.metrics.domain.MetricsCollector;
import io.callbook.perfops.metrics.domain.MetricsConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Collects the suite's metrics every {@code callbook.ops.metrics.scrape-every}, unless scrape-enabled is false. */
@ApplicationScoped
public class MetricsScrapeSchedule {

    private static final Logger LOG = Logger.getLogger(MetricsScrapeSchedule.class);

    private final MetricsCollector collector;

    public MetricsScrapeSchedule(MetricsCollector collector) {
        this.collector = collector;
    }

    @Scheduled(identity = "ops-metrics-scrape", every = "${callbook.ops.metrics.scrape-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scrape() {
        try {
            collector.collect();
        } catch (RuntimeException e) {
            LOG.warnf("Metrics collection failed: %s", e.toString());
        }
    }

    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        private final MetricsConfig config;

        public Disabled(MetricsConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.scrapeEnabled();
        }
    }
}
