package io.callbook.perfops.analysis.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Index advice for one database. The statements with the most total time (pg_stat_statements since each entry's
 * stats_since, not the run's window, so that {@code analyze} and a later {@code indexes} in the same run give the same
 * advice) are planned generically; each scan an index could serve (see {@link PlanScans}) on a table of at least
 * {@link AnalysisConfig#largeTableRows()} rows becomes a candidate whose columns and selectivity come from pg_stats
 * ({@link IndexAdviceRules}). A candidate an existing index covers, or one matching more than
 * {@link AnalysisConfig#maxSelectivity()} of the rows, is dropped. With HypoPG installed the saving is the what-if
 * plan's (and nothing is advised that the planner would not use); otherwise the heuristic's.
 */
@ApplicationScoped
public class IndexAdviser {

    private static final Logger LOG = Logger.getLogger(IndexAdviser.class);

    private static final String HYPOPG = "hypopg";

    private final AnalysisConfig config;

    public IndexAdviser(AnalysisConfig config) {
        this.config = config;
    }

    /**
     * Whether what-if plans can be had in this database: HypoPG installed, or available and installed now (unless
     * this is a dry run or the config says no).
     *
     * @param installed the CREATE EXTENSION statement run, or null
     */
    public record WhatIfSupport(boolean available, String installed) {
    }

    public WhatIfSupport prepareWhatIf(DatabaseCatalog catalog, boolean dryRun) throws SQLException {
        if (catalog.extensionInstalled(HYPOPG)) {
            return new WhatIfSupport(true, null);
        }
        if (!dryRun && config.installHypopg() && catalog.extensionAvailable(HYPOPG)) {
            catalog.installExtension(HYPOPG);
            return new WhatIfSupport(true, "CREATE EXTENSION IF NOT EXISTS " + HYPOPG);
        }
        return new WhatIfSupport(false, null);
    }

    /**
     * @param statements the database's pg_stat_statements entries
     * @param progress   told (fraction 0–1, message) as statements are explained
     */
    public List<IndexAdvice> advise(String service, DatabaseCatalog catalog, List<StatementStat> statements,
                                    List<TableInfo> tables, List<IndexInfo> indexes, boolean whatIf,
                                    BiConsumer<Double, String> progress) throws SQLException {
        Map<String, TableInfo> tablesByName = new HashMap<>();
        tables.forEach(table -> tablesByName.put(table.schema() + "." + table.name(), table));
        Map<String, Map<String, ColumnStats>> columnStats = new HashMap<>();
        List<StatementStat> top = statements.stream()
                .filter(stat -> stat.calls() > 0 && DatabaseCatalog.plannable(stat.query()))
                .sorted(Comparator.comparingDouble(StatementStat::totalMs).reversed())
                .limit(config.adviceStatements())
                .toList();
        List<IndexAdvice> candidates = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            StatementStat stat = top.get(i);
            progress.accept((double) i / top.size(), service + ": EXPLAIN " + (i + 1) + " of " + top.size());
            Optional<String> plan = catalog.explain(stat.query(), config.explainTimeout());
            if (plan.isEmpty()) {
                LOG.debugf("%s: cannot plan %s", service, stat.query());
                continue;
            }
            for (PlanScans.Scan scan : PlanScans.of(plan.get())) {
                TableInfo table = scan.schema() != null ? tablesByName.get(scan.schema() + "." + scan.table())
                        : tables.stream().filter(t -> t.name().equals(scan.table())).findFirst().orElse(null);
                if (table == null || table.rows() < config.largeTableRows()) {
                    continue;
                }
                Map<String, ColumnStats> stats = columnStats.get(table.schema() + "." + table.name());
                if (stats == null) {
                    stats = catalog.columnStats(table.schema(), table.name());
                    columnStats.put(table.schema() + "." + table.name(), stats);
                }
                IndexAdviceRules.Columns columns = IndexAdviceRules.orderColumns(scan.predicates(), stats, table.rows(),
                        config.maxIndexColumns());
                if (columns.columns().isEmpty() || columns.selectivity() > config.maxSelectivity()
                        || IndexAdviceRules.coveredBy(indexes, table.schema(), table.name(), columns.columns(),
                        columns.equalityCount()).isPresent()) {
                    continue;
                }
                IndexAdvice draft = new IndexAdvice(service, table.schema(), table.name(), columns.columns(),
                        columns.equalityCount(), columns.selectivity(), stat.calls(), 0,
                        table.writes() * config.writeCostMs(), "heuristic", List.of(stat.query()));
                double saving;
                String method;
                if (whatIf) {
                    Optional<DatabaseCatalog.WhatIf> result = catalog.whatIf(stat.query(),
                            "CREATE INDEX ON " + draft.qualifiedTable() + " (" + draft.columnList() + ")",
                            config.explainTimeout());
                    if (result.isEmpty() || !result.get().used()) {
                        continue;
                    }
                    saving = Math.max(0, (scan.planCost() - result.get().cost()) / scan.planCost());
                    method = "hypopg";
                } else {
                    saving = IndexAdviceRules.heuristicSaving(scan, columns.selectivity(), table.rows());
                    method = "heuristic";
                }
                if (saving <= 0) {
                    continue;
                }
                candidates.add(new IndexAdvice(service, draft.schema(), draft.table(), draft.columns(),
                        draft.equalityCount(), draft.selectivity(), stat.calls(), stat.calls() * stat.meanMs() * saving,
                        draft.penaltyMs(), method, draft.statements()));
            }
        }
        progress.accept(1.0, service + ": " + top.size() + " statements explained");
        return IndexAdviceRules.rank(candidates);
    }
}
