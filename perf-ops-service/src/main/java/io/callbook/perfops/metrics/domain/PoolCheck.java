package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.operation.domain.Finding;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.OpsStep;
import io.callbook.perfops.operation.domain.ReportTable;
import io.callbook.perfops.operation.domain.StepContext;
import io.callbook.perfops.operation.domain.StepResult;
import io.callbook.perfops.suite.domain.ReplicaMetrics;
import io.callbook.perfops.suite.domain.ReplicaScrape;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "pool" step: every replica's datasource pool as its metrics show it now. It only reads, so dry-run changes
 * nothing about it. A finding (kind "pool") for each service with a replica over the pool-usage threshold, with
 * threads waiting for a connection, or with leaks detected; its key names the service and the problem, not the
 * replica, since replicas come and go between runs.
 */
@ApplicationScoped
public class PoolCheck implements OpsStep {

    static final List<String> COLUMNS = List.of("service", "replica", "active", "idle", "waiting", "max", "usage %",
            "avg acquire ms", "leaks");

    private final ReplicaMetrics replicas;
    private final MetricsConfig config;

    public PoolCheck(ReplicaMetrics replicas, MetricsConfig config) {
        this.replicas = replicas;
        this.config = config;
    }

    @Override
    public String name() {
        return OptimizeOptions.POOL;
    }

    @Override
    public StepResult run(StepContext context) {
        context.progress().update(0, "scraping every replica");
        List<ReplicaScrape> scrapes = replicas.scrapeAll();
        context.progress().update(0.8, "reading " + scrapes.size() + " replicas' pools");
        List<List<String>> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int pools = 0;
        for (ReplicaScrape scrape : scrapes) {
            String replica = scrape.replica().toString();
            if (!scrape.answered()) {
                rows.add(List.of(scrape.service(), replica, "down: " + scrape.error().orElse(""), "", "", "", "", "", ""));
                continue;
            }
            SuiteMetrics.Pool pool = PoolReading.of(scrape);
            if (pool == null) {
                rows.add(List.of(scrape.service(), replica, "no pool metrics", "", "", "", "", "", ""));
                continue;
            }
            pools++;
            rows.add(List.of(scrape.service(), replica, Long.toString(pool.active()), Long.toString(pool.idle()),
                    Long.toString(pool.waiting()), pool.max() == 0 ? "?" : Long.toString(pool.max()),
                    pool.max() == 0 ? "?" : format(pool.usage() * 100),
                    pool.acquireMs() == null ? "" : format(pool.acquireMs()), Long.toString(pool.leaks())));
            findings.addAll(findings(scrape.service(), replica, pool));
        }
        List<Finding> distinct = findings.stream()
                .collect(java.util.stream.Collectors.toMap(Finding::key, finding -> finding, (first, second) -> first,
                        java.util.LinkedHashMap::new))
                .values().stream().toList();
        context.progress().update(1, "done");
        String summary = pools + " pools read on " + scrapes.size() + " replicas; "
                + (distinct.isEmpty() ? "all within limits" : distinct.size() + " to look at");
        return new StepResult(name(), summary, List.of(new ReportTable("Connection pools", COLUMNS, rows)), distinct,
                List.of(), 0);
    }

    List<Finding> findings(String service, String replica, SuiteMetrics.Pool pool) {
        List<Finding> findings = new ArrayList<>();
        double limit = config.thresholds().poolUsage();
        if (pool.max() > 0 && pool.usage() > limit) {
            findings.add(new Finding("pool:" + service + ":usage", service, "pool",
                    service + " replica " + replica + " uses " + format(pool.usage() * 100) + " % of its pool ("
                            + pool.active() + " of " + pool.max() + "), over " + format(limit * 100) + " %",
                    "raise quarkus.datasource.jdbc.max-size for " + service
                            + " or find what holds connections long (slow queries, long transactions)"));
        }
        if (pool.waiting() > 0) {
            findings.add(new Finding("pool:" + service + ":waiting", service, "pool",
                    pool.waiting() + " threads of " + service + " replica " + replica + " wait for a connection",
                    null));
        }
        if (pool.leaks() > 0) {
            findings.add(new Finding("pool:" + service + ":leaks", service, "pool",
                    service + " replica " + replica + " had " + pool.leaks()
                            + " connections held past the leak-detection interval", null));
        }
        return findings;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
