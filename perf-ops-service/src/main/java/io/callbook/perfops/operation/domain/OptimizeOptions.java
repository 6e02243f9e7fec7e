package io.callbook.perfops.operation.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.List;

/**
 * What an optimize run does; the same options on the API, the CLI and the schedule.
 *
 * @param cache    every replica of every service warms its caches
 * @param analyze  slow queries, N+1 suspects, sequential scans, index advice, unused/duplicate/invalid indexes
 * @param pool     each replica's connection pool: active, idle, waiting, max, acquire time, leaks
 * @param indexes  creates the advised indexes that are missing
 * @param dryRun   reports what would be done and changes nothing
 */
@RegisterForReflection // a JSON column and stored summaries, read and written by Jackson
public record OptimizeOptions(boolean cache, boolean analyze, boolean pool, boolean indexes, boolean dryRun) {

    public static final String CACHE = "cache";
    public static final String ANALYZE = "analyze";
    public static final String POOL = "pool";
    public static final String INDEXES = "indexes";

    /** The steps asked for, in the order they run: warm first, so that analysis sees a warm suite. */
    public List<String> steps() {
        List<String> steps = new ArrayList<>();
        if (cache) {
            steps.add(CACHE);
        }
        if (pool) {
            steps.add(POOL);
        }
        if (analyze) {
            steps.add(ANALYZE);
        }
        if (indexes) {
            steps.add(INDEXES);
        }
        return steps;
    }

    public boolean asksForSomething() {
        return !steps().isEmpty();
    }
}
