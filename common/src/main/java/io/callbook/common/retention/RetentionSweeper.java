package io.callbook.common.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Deletes what is past retention, table after table ({@link PurgeTask} beans), in small batches: each batch its own
 * short transaction, a pause between two, so the sweep never holds locks a request waits for and takes a small,
 * bounded share of the database while the service is under load. Every replica sweeps; the tasks skip rows another
 * replica is deleting.
 */
@ApplicationScoped
public class RetentionSweeper {

    private static final Logger LOG = Logger.getLogger(RetentionSweeper.class);

    private final Instance<PurgeTask> tasks;
    private final RetentionConfig config;
    private final MeterRegistry registry;

    public RetentionSweeper(Instance<PurgeTask> tasks, RetentionConfig config, MeterRegistry registry) {
        this.tasks = tasks;
        this.config = config;
        this.registry = registry;
    }

    @Scheduled(every = "${callbook.retention.sweep-every:10m}", delayed = "${callbook.retention.first-sweep-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Runs every task until nothing of its table is past retention; returns what each deleted. */
    public List<Swept> sweep() {
        List<Swept> swept = new ArrayList<>();
        for (PurgeTask task : tasks) {
            swept.add(sweep(task));
        }
        return swept;
    }

    Swept sweep(PurgeTask task) {
        int batchSize = config.batchSize();
        long deleted = 0;
        int batches = 0;
        int largestBatch = 0;
        long started = System.nanoTime();
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> task.purgeBatch(batchSize));
            deleted += batch;
            batches++;
            largestBatch = Math.max(largestBatch, batch);
            if (batch == batchSize) {
                pause();
            }
        } while (batch == batchSize);
        if (deleted > 0) {
            registry.counter("callbook_retention_deleted_rows", "table", task.table()).increment(deleted);
            LOG.infof("Retention removed %d rows of %s in %d batches (%d ms)", deleted, task.table(), batches,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return new Swept(task.table(), deleted, batches, largestBatch);
    }

    private void pause() {
        try {
            Thread.sleep(config.pause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Retention sweep interrupted", e);
        }
    }

    /** @param largestBatch the most rows one transaction deleted: never more than the batch size */
    public record Swept(String table, long deleted, int batches, int largestBatch) {
    }
}
