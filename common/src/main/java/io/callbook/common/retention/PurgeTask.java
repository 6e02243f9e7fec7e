package io.callbook.common.retention;

/**
 * One table's retention: a bean that deletes the next few rows past their retention period. The
 * {@link RetentionSweeper} calls it batch after batch, each in a transaction of its own, until a batch comes back short.
 */
public interface PurgeTask {

    /** The table, as the sweep's log and metrics name it. */
    String table();

    /**
     * Deletes at most {@code limit} rows past retention in the caller's transaction, skipping rows another transaction
     * holds (another replica's sweep, or a worker); returns how many.
     */
    int purgeBatch(int limit);
}
