package io.callbook.perfops.analysis.domain;

import io.callbook.perfops.operation.domain.Finding;
import io.callbook.perfops.operation.domain.OpsStep;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.ReportTable;
import io.callbook.perfops.operation.domain.StepContext;
import io.callbook.perfops.operation.domain.StepResult;
import io.callbook.perfops.suite.domain.ServiceDatabase;
import io.callbook.perfops.suite.domain.SuiteServices;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code indexes} step: the advice {@code analyze} gives ({@link IndexAdviser}), made real. In each database,
 * under a session advisory lock (so two replicas or two runs never build the same index twice; when it is held the
 * database is skipped with a note), every advised index is checked again against the catalog right before its build
 * (another run, a migration or a person may have created it, or one that covers it, meanwhile) and the missing ones
 * are built with CREATE INDEX CONCURRENTLY, which cannot run in a transaction and does not block writes. An invalid
 * index of the same name, the leftover of a failed concurrent build, is dropped concurrently and built again; a build
 * that fails is dropped likewise so that no invalid index stays behind. A dry run lists the statements it would run
 * and changes nothing.
 */
@ApplicationScoped
public class IndexesStep implements OpsStep {

    private static final Logger LOG = Logger.getLogger(IndexesStep.class);
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtextextended('callbook.perf-ops.indexes', 0))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtextextended('callbook.perf-ops.indexes', 0))";

    private final SuiteServices services;
    private final IndexAdviser adviser;
    private final AnalysisConfig config;

    public IndexesStep(SuiteServices services, IndexAdviser adviser, AnalysisConfig config) {
        this.services = services;
        this.adviser = adviser;
        this.config = config;
    }

    @Override
    public String name() {
        return OptimizeOptions.INDEXES;
    }

    @Override
    public StepResult run(StepContext context) throws Exception {
        long started = System.nanoTime();
        boolean dryRun = context.options().dryRun();
        List<List<String>> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int created = 0;
        int present = 0;
        int toCreate = 0;
        List<ServiceDatabase> databases = services.databases();
        for (int i = 0; i < databases.size(); i++) {
            ServiceDatabase database = databases.get(i);
            String service = database.service();
            double from = (double) i / databases.size();
            double span = 1.0 / databases.size();
            context.progress().update(from, service + ": advice");
            try (Connection connection = database.openForPlanning()) {
                DatabaseCatalog catalog = new DatabaseCatalog(connection);
                if (!catalog.extensionInstalled("pg_stat_statements")) {
                    notes.add(service + ": no pg_stat_statements, no advice");
                    continue;
                }
                IndexAdviser.WhatIfSupport whatIf = adviser.prepareWhatIf(catalog, dryRun);
                if (whatIf.installed() != null) {
                    actions.add(service + ": " + whatIf.installed());
                }
                List<IndexAdvice> advice = adviser.advise(service, catalog, catalog.statements().statements(),
                        catalog.tables(), catalog.indexes(), whatIf.available(),
                        (fraction, message) -> context.progress().update(from + span * 0.5 * fraction, message));
                if (advice.isEmpty()) {
                    continue;
                }
                if (!locked(connection)) {
                    notes.add(service + ": another run holds the index lock; skipped");
                    advice.forEach(one -> {
                        rows.add(row(one, "skipped: lock held"));
                        findings.add(one.finding());
                    });
                    continue;
                }
                try {
                    for (int a = 0; a < advice.size(); a++) {
                        IndexAdvice one = advice.get(a);
                        context.progress().update(from + span * (0.5 + 0.5 * a / advice.size()),
                                service + ": index " + (a + 1) + " of " + advice.size());
                        Outcome outcome = build(catalog, connection, one, dryRun, actions);
                        rows.add(row(one, outcome.text()));
                        switch (outcome) {
                            case CREATED, REBUILT -> created++;
                            case PRESENT -> present++;
                            case WOULD_CREATE, WOULD_REBUILD -> {
                                toCreate++;
                                findings.add(one.finding());
                            }
                            case FAILED -> findings.add(one.finding());
                        }
                    }
                } finally {
                    unlock(connection);
                }
            } catch (SQLException e) {
                LOG.warnf("%s: indexes not checked: %s", service, e.getMessage());
                notes.add(service + ": not reached (" + e.getMessage() + ")");
            }
        }
        context.progress().update(1, "indexes done");
        String summary = (dryRun
                ? String.format(Locale.ROOT, "dry run: %d indexes would be created, %d already exist", toCreate, present)
                : String.format(Locale.ROOT, "%d indexes created, %d already exist, %d failed or skipped", created,
                present, findings.size()))
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        ReportTable table = new ReportTable("Indexes", List.of("service", "table", "columns", "status", "statement"), rows);
        return new StepResult(OptimizeOptions.INDEXES, summary, List.of(table), findings, actions,
                (System.nanoTime() - started) / 1_000_000);
    }

    private enum Outcome {
        CREATED("created"), REBUILT("invalid leftover dropped and rebuilt"), PRESENT("already exists"),
        WOULD_CREATE("would be created"), WOULD_REBUILD("invalid leftover would be dropped and rebuilt"),
        FAILED("failed");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    private Outcome build(DatabaseCatalog catalog, Connection connection, IndexAdvice advice, boolean dryRun,
                          List<String> actions) throws SQLException {
        List<IndexInfo> indexes = catalog.indexes();
        Optional<IndexInfo> same = indexes.stream()
                .filter(index -> index.schema().equals(advice.schema()) && index.name().equals(advice.name()))
                .findFirst();
        if (same.isPresent() && same.get().valid()
                || IndexAdviceRules.coveredBy(indexes, advice.schema(), advice.table(), advice.columns(),
                advice.equalityCount()).isPresent()) {
            return Outcome.PRESENT;
        }
        boolean rebuild = same.isPresent();
        String drop = "DROP INDEX CONCURRENTLY IF EXISTS " + advice.qualifiedName();
        if (dryRun) {
            if (rebuild) {
                actions.add("would run: " + drop);
            }
            actions.add("would run: " + advice.createStatement());
            return rebuild ? Outcome.WOULD_REBUILD : Outcome.WOULD_CREATE;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true); // CONCURRENTLY refuses to run inside a transaction block
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + config.indexBuildTimeout().toMillis());
            if (rebuild) {
                statement.execute(drop);
                actions.add(drop);
            }
            try {
                statement.execute(advice.createStatement());
                actions.add(advice.createStatement());
            } catch (SQLException e) {
                LOG.warnf("%s: %s failed: %s", advice.service(), advice.createStatement(), e.getMessage());
                actions.add("failed: " + advice.createStatement() + " (" + e.getMessage() + ")");
                statement.execute(drop);
                return Outcome.FAILED;
            } finally {
                statement.execute("RESET statement_timeout");
            }
            return rebuild ? Outcome.REBUILT : Outcome.CREATED;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<String> row(IndexAdvice advice, String status) {
        return List.of(advice.service(), advice.qualifiedTable(), advice.columnList(), status, advice.createStatement());
    }

    private static boolean locked(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(LOCK)) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(UNLOCK)) {
            rows.next();
        }
    }
}
