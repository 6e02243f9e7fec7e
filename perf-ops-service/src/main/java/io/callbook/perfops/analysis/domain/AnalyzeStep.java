package io.callbook.perfops.analysis.domain;

import io.callbook.perfops.operation.domain.Finding;
import io.callbook.perfops.operation.domain.OpsStep;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.ReportTable;
import io.callbook.perfops.operation.domain.StepContext;
import io.callbook.perfops.operation.domain.StepResult;
import io.callbook.perfops.suite.domain.ReplicaMetrics;
import io.callbook.perfops.suite.domain.ServiceDatabase;
import io.callbook.perfops.suite.domain.SuiteServices;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The {@code analyze} step, over every service database: slow statements and global N+1 suspects in the window since
 * the previous snapshot of pg_stat_statements ({@link StatementWindow}; the statistics are never reset), N+1 per
 * request from the services' own {@value RepeatedStatements#METRIC}, sequential scans on large tables, index advice
 * ({@link IndexAdviser}) and unused, duplicate and invalid indexes ({@link IndexHealth}).
 *
 * <p>A dry run reports the same and keeps nothing: it saves no snapshot (so the next real run's window is not cut
 * short by a preview) and installs nothing. A database that cannot be reached is named in the summary; the others
 * are analysed all the same.
 */
@ApplicationScoped
public class AnalyzeStep implements OpsStep {

    private static final Logger LOG = Logger.getLogger(AnalyzeStep.class);
    private static final String STATEMENTS_EXTENSION = "pg_stat_statements";

    private final SuiteServices services;
    private final ReplicaMetrics metrics;
    private final StatementHistory history;
    private final IndexAdviser adviser;
    private final AnalysisConfig config;

    public AnalyzeStep(SuiteServices services, ReplicaMetrics metrics, StatementHistory history, IndexAdviser adviser,
                       AnalysisConfig config) {
        this.services = services;
        this.metrics = metrics;
        this.history = history;
        this.adviser = adviser;
        this.config = config;
    }

    @Override
    public String name() {
        return OptimizeOptions.ANALYZE;
    }

    @Override
    public StepResult run(StepContext context) throws Exception {
        long started = System.nanoTime();
        boolean dryRun = context.options().dryRun();
        Report report = new Report();
        context.progress().update(0, "reading the services' metrics");
        for (RepeatedStatements.Route route : RepeatedStatements.of(metrics.scrapeAll())) {
            report.nPlusOne.add(List.of(route.service(), route.route(), Long.toString(route.count()), "",
                    Format.statement(route.statement())));
            report.findings.add(new Finding(route.key(), route.service(), "n-plus-one",
                    String.format(Locale.ROOT, "%s: %s repeated one statement in %d requests: %s", route.service(),
                            route.route(), route.count(), Format.statement(route.statement())), null));
        }
        List<ServiceDatabase> databases = services.databases();
        for (int i = 0; i < databases.size(); i++) {
            ServiceDatabase database = databases.get(i);
            double from = (double) i / databases.size();
            double span = 1.0 / databases.size();
            context.progress().update(from, database.service() + ": reading statistics");
            try (Connection connection = database.openForPlanning()) {
                analyse(database, new DatabaseCatalog(connection), dryRun, report,
                        (fraction, message) -> context.progress().update(from + span * fraction, message));
            } catch (SQLException e) {
                LOG.warnf("%s: database %s not analysed: %s", database.service(), database.name(), e.getMessage());
                report.unreachable.add(database.service() + " (" + e.getMessage() + ")");
            }
        }
        context.progress().update(1, "analysis done");
        return report.result(databases.size()).withDuration((System.nanoTime() - started) / 1_000_000);
    }

    private void analyse(ServiceDatabase database, DatabaseCatalog catalog, boolean dryRun, Report report,
                         BiConsumer<Double, String> progress) throws SQLException {
        String service = database.service();
        Optional<StatementSnapshot> snapshot = Optional.empty();
        if (catalog.extensionInstalled(STATEMENTS_EXTENSION)) {
            try {
                snapshot = Optional.of(catalog.statements());
            } catch (SQLException e) {
                report.windows.add(List.of(service, "", "", "", "pg_stat_statements unreadable: " + e.getMessage()));
            }
        } else {
            report.windows.add(List.of(service, "", "", "", "pg_stat_statements is not installed in " + database.name()
                    + ": load it (shared_preload_libraries) and CREATE EXTENSION pg_stat_statements"));
        }
        if (snapshot.isPresent()) {
            StatementWindow window = StatementWindow.between(history.latest(service), snapshot.get());
            if (!dryRun) {
                history.save(service, snapshot.get());
            }
            report.windows.add(List.of(service, String.valueOf(window.from()), String.valueOf(window.to()),
                    Integer.toString(window.activity().size()), String.join("; ", window.notes())));
            statements(service, window, report);
        }
        progress.accept(0.1, service + ": tables and indexes");
        List<TableInfo> tables = catalog.tables();
        List<IndexInfo> indexes = catalog.indexes();
        sequentialScans(service, tables, report);
        indexHealth(service, indexes, unusedObservedFor(service, catalog), report);
        if (snapshot.isPresent()) {
            IndexAdviser.WhatIfSupport whatIf = adviser.prepareWhatIf(catalog, dryRun);
            if (whatIf.installed() != null) {
                report.actions.add(service + ": " + whatIf.installed());
            }
            List<IndexAdvice> advice = adviser.advise(service, catalog, snapshot.get().statements(), tables, indexes,
                    whatIf.available(), (fraction, message) -> progress.accept(0.2 + 0.8 * fraction, message));
            for (IndexAdvice one : advice) {
                report.advice.add(List.of(service, one.qualifiedTable(), one.columnList(), Long.toString(one.calls()),
                        Format.ms(one.savedMs()), Format.ms(one.penaltyMs()), one.method(), one.createStatement(),
                        Format.statement(one.statements().getFirst())));
                report.findings.add(one.finding());
            }
            report.adviceCount += advice.size();
        }
    }

    private void statements(String service, StatementWindow window, Report report) {
        List<StatementStat> own = window.activity().stream()
                .filter(stat -> !DatabaseCatalog.introspection(stat.query()) && !stat.query().isBlank())
                .toList();
        List<StatementStat> slow = own.stream()
                .filter(stat -> stat.meanMs() >= config.slowMeanMs() || stat.totalMs() >= config.slowTotalMs())
                .limit(config.slowLimit())
                .toList();
        for (StatementStat stat : slow) {
            report.slow.add(List.of(service, Long.toString(stat.calls()), Format.ms(stat.meanMs()),
                    Format.ms(stat.totalMs()), Format.number(stat.rowsPerCall()), Format.statement(stat.query())));
            report.findings.add(new Finding("slow-query:" + service + ":" + IndexAdvice.hash(stat.query()).substring(0, 12),
                    service, "slow-query", String.format(Locale.ROOT, "%s: %d calls, %s ms mean, %s ms in all: %s",
                    service, stat.calls(), Format.ms(stat.meanMs()), Format.ms(stat.totalMs()),
                    Format.statement(stat.query())), null));
        }
        report.slowCount += slow.size();
        own.stream()
                .filter(stat -> stat.calls() >= config.nPlusOneMinCalls()
                        && stat.rowsPerCall() <= config.nPlusOneMaxRowsPerCall()
                        && stat.query().stripLeading().regionMatches(true, 0, "select", 0, 6)
                        && stat.query().contains("$"))
                .sorted(Comparator.comparingLong(StatementStat::calls).reversed())
                .limit(config.slowLimit())
                // Shown, not advised: a lookup made once per request looks the same from here; the services' own
                // per-request count (above) tells a real N+1 apart.
                .forEach(stat -> report.nPlusOne.add(List.of(service, "(all requests)", Long.toString(stat.calls()),
                        Format.number(stat.rowsPerCall()), Format.statement(stat.query()))));
    }

    private void sequentialScans(String service, List<TableInfo> tables, Report report) {
        tables.stream()
                // A scan that read a large table's worth of rows, on average: scans made while a table was still small
                // (or that stopped early, under a LIMIT) are not the problem, and they stay in its counters for good.
                .filter(table -> table.seqScan() > 0 && table.rows() >= config.largeTableRows()
                        && table.seqTupRead() / table.seqScan() >= config.largeTableRows())
                .sorted(Comparator.comparingLong(TableInfo::seqTupRead).reversed())
                .forEach(table -> {
                    report.seqScans.add(List.of(service, table.qualifiedName(), Format.number(table.rows()),
                            Long.toString(table.seqScan()), Long.toString(table.seqTupRead()),
                            Long.toString(table.idxScan()), Format.bytes(table.totalBytes())));
                    report.findings.add(new Finding("sequential-scan:" + service + ":" + table.qualifiedName(), service,
                            "sequential-scan", String.format(Locale.ROOT,
                            "%s: %s (%s rows) was read sequentially %d times since the statistics were reset, %s rows "
                            + "a scan", service, table.qualifiedName(), Format.number(table.rows()), table.seqScan(),
                            Format.number((double) table.seqTupRead() / table.seqScan())), null));
                });
    }

    /** How long index scans have been counted without a reset while perf-ops watched: the later of the two starts. */
    private Duration unusedObservedFor(String service, DatabaseCatalog catalog) throws SQLException {
        Instant watched = history.watchedSince(service).orElse(Instant.now());
        Instant since = catalog.statisticsResetAt().filter(reset -> reset.isAfter(watched)).orElse(watched);
        return Duration.between(since, Instant.now());
    }

    private void indexHealth(String service, List<IndexInfo> indexes, Duration observed, Report report) {
        boolean longEnough = observed.compareTo(config.unusedIndexMinAge()) >= 0;
        for (IndexInfo index : IndexHealth.unused(indexes)) {
            report.unused.add(List.of(service, index.qualifiedName(), index.table(), Format.bytes(index.bytes()),
                    longEnough ? "" : "watched " + Format.duration(observed) + " only", index.definition()));
            if (longEnough) {
                report.findings.add(new Finding("unused-index:" + service + ":" + index.qualifiedName(), service,
                        "unused-index", service + ": " + index.qualifiedName() + " (" + Format.bytes(index.bytes())
                        + ") has not been scanned in " + Format.duration(observed), null));
            }
        }
        for (IndexHealth.Duplicate duplicate : IndexHealth.duplicates(indexes)) {
            IndexInfo index = duplicate.redundant();
            report.duplicates.add(List.of(service, index.qualifiedName(), duplicate.covering().qualifiedName(),
                    index.table(), Format.bytes(index.bytes())));
            report.findings.add(new Finding("duplicate-index:" + service + ":" + index.qualifiedName(), service,
                    "duplicate-index", service + ": " + index.qualifiedName() + " is covered by "
                    + duplicate.covering().qualifiedName(), "DROP INDEX CONCURRENTLY IF EXISTS " + index.qualifiedName()));
        }
        for (IndexInfo index : IndexHealth.invalid(indexes)) {
            report.invalid.add(List.of(service, index.qualifiedName(), index.table(), index.definition()));
            report.findings.add(new Finding("invalid-index:" + service + ":" + index.qualifiedName(), service,
                    "invalid-index", service + ": " + index.qualifiedName()
                    + " is invalid (a failed concurrent build): it slows writes and serves no read",
                    "DROP INDEX CONCURRENTLY IF EXISTS " + index.qualifiedName()));
        }
    }

    /** What the databases gave, gathered into the step's tables. */
    private static final class Report {
        final List<List<String>> windows = new ArrayList<>();
        final List<List<String>> slow = new ArrayList<>();
        final List<List<String>> nPlusOne = new ArrayList<>();
        final List<List<String>> seqScans = new ArrayList<>();
        final List<List<String>> advice = new ArrayList<>();
        final List<List<String>> unused = new ArrayList<>();
        final List<List<String>> duplicates = new ArrayList<>();
        final List<List<String>> invalid = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        final List<String> actions = new ArrayList<>();
        final List<String> unreachable = new ArrayList<>();
        int slowCount;
        int adviceCount;

        StepResult result(int databases) {
            List<ReportTable> tables = List.of(
                    new ReportTable("Statement windows", List.of("service", "from", "to", "statements", "notes"), windows),
                    new ReportTable("Slow statements", List.of("service", "calls", "mean ms", "total ms", "rows/call", "statement"), slow),
                    new ReportTable("N+1 suspects", List.of("service", "route", "count", "rows/call", "statement"), nPlusOne),
                    new ReportTable("Sequential scans on large tables", List.of("service", "table", "rows", "seq scans", "rows read", "index scans", "size"), seqScans),
                    new ReportTable("Index advice", List.of("service", "table", "columns", "calls", "saved ms", "write penalty ms", "method", "action", "statement"), advice),
                    new ReportTable("Unused indexes", List.of("service", "index", "table", "size", "note", "definition"), unused),
                    new ReportTable("Duplicate indexes", List.of("service", "index", "covered by", "table", "size"), duplicates),
                    new ReportTable("Invalid indexes", List.of("service", "index", "table", "definition"), invalid));
            String summary = String.format(Locale.ROOT,
                    "%d of %d databases analysed: %d slow statements, %d N+1 suspects, %d large tables scanned "
                            + "sequentially, %d indexes advised, %d unused, %d duplicate, %d invalid",
                    databases - unreachable.size(), databases, slowCount, nPlusOne.size(), seqScans.size(),
                    adviceCount, unused.size(), duplicates.size(), invalid.size())
                    + (unreachable.isEmpty() ? "" : "; not reached: " + String.join(", ", unreachable));
            return new StepResult(OptimizeOptions.ANALYZE, summary, tables, findings, actions, 0);
        }
    }
}
