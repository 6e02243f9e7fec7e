package io.callbook.perfops.analysis.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Thresholds of the {@code analyze} and {@code indexes} steps. */
@ConfigMapping(prefix = "callbook.ops.analysis")
public interface AnalysisConfig {

    /** A statement whose mean time in the window reaches this is slow. */
    @WithDefault("100")
    double slowMeanMs();

    /** A statement whose total time in the window reaches this is slow too, however fast each call is. */
    @WithDefault("60000")
    double slowTotalMs();

    /** At most this many statements are listed as slow, per database. */
    @WithDefault("20")
    int slowLimit();

    /** A global N+1 suspect is called at least this often in the window ... */
    @WithDefault("1000")
    long nPlusOneMinCalls();

    /** ... and returns at most this many rows per call. */
    @WithDefault("1.5")
    double nPlusOneMaxRowsPerCall();

    /**
     * Sequential scans are reported on tables with at least this many live rows whose scans read that many rows on
     * average; smaller tables get no index advice.
     */
    @WithDefault("10000")
    long largeTableRows();

    /** The statements with the most total time, per database, that are explained for index advice. */
    @WithDefault("25")
    int adviceStatements();

    /** An index whose estimated share of the table's rows is above this would not be used; it is not advised. */
    @WithDefault("0.2")
    double maxSelectivity();

    /** At most this many columns in an advised index. */
    @WithDefault("3")
    int maxIndexColumns();

    /**
     * What one row written (insert, update, delete) costs an index to maintain, in milliseconds; rows written since
     * the statistics were reset times this is subtracted from an advice's benefit.
     */
    @WithDefault("0.001")
    double writeCostMs();

    /** Each EXPLAIN runs in a read-only transaction with this statement timeout. */
    @WithDefault("2s")
    Duration explainTimeout();

    /** The statement timeout of one CREATE INDEX CONCURRENTLY. */
    @WithDefault("30m")
    Duration indexBuildTimeout();

    /** Snapshots of pg_stat_statements older than this are deleted (the latest of each database is kept). */
    @WithDefault("30d")
    Duration history();

    /**
     * An index is advised as unused only when it was not scanned for at least this long (perf-ops's watch of the
     * database, or since its statistics were reset): a report, a cleanup or a month-end job uses some indexes rarely.
     */
    @WithDefault("7d")
    Duration unusedIndexMinAge();

    /**
     * When HypoPG is available in a database but not installed, a run that is not a dry run installs it (CREATE
     * EXTENSION, which only adds functions) to get what-if costs.
     */
    @WithDefault("true")
    boolean installHypopg();
}
