package io.callbook.common.warmup;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Warms this service before it reports started ({@link WarmUpCheck}): runs its hot paths ({@link WarmUpTask}) round by
 * round until each task has had its passes or the budget is spent. The caches fill as a side effect, with what the
 * tasks ask for; the ops command's cache warmers ({@code CacheWarmer}) are not run here, since some load everything
 * there is and a replica that starts beside others finds the shared Redis level filled.
 *
 * <p>Why: a just-started JVM runs its request paths interpreted while the JIT compiles them, and the compiler threads
 * take the cores the requests need. Measured on a fresh suite under the voice bench, the JIT used 19–22 s of CPU per
 * service in the first 84 s and 60–80 % of the voice functions answered with the spoken fallback, while the same load a
 * minute later had none. An autoscaled pod is added when load is highest, so the cost is paid here, before the start-up
 * probe lets traffic in (k8s routes nothing to a pod until it has started; {@code ./callbook up} waits for it too).
 */
@ApplicationScoped
public class StartupWarmUp {

    private static final Logger LOG = Logger.getLogger(StartupWarmUp.class);

    private final Instance<WarmUpTask> tasks;
    private final WarmUpConfig config;
    private volatile boolean done;
    private volatile Map<String, TaskResult> results = Map.of();

    public StartupWarmUp(@Any Instance<WarmUpTask> tasks, WarmUpConfig config) {
        this.tasks = tasks;
        this.config = config;
    }

    void onStart(@Observes StartupEvent started) {
        if (!config.enabled()) {
            done = true;
            return;
        }
        Thread.ofPlatform().name("warm-up").daemon().start(this::warm);
    }

    /** True once the warm-up has finished, or was switched off. */
    public boolean done() {
        return done;
    }

    /** Per task, what the warm-up did; empty while it runs. */
    public Map<String, TaskResult> results() {
        return results;
    }

    private void warm() {
        long begin = System.nanoTime();
        long deadline = begin + config.budget().toNanos();
        try {
            List<WarmUpTask> all = tasks.stream().sorted(Comparator.comparing(WarmUpTask::name)).toList();
            results = run(all, config.passes(), deadline, config.retryPause().toMillis());
            LOG.infof("Warmed up in %d ms: %s", (System.nanoTime() - begin) / 1_000_000, results.isEmpty() ? "nothing to warm"
                    : results.values().stream().map(TaskResult::toString).collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Warm-up stopped after %d ms; the service starts cold", (System.nanoTime() - begin) / 1_000_000);
        } finally {
            done = true;
        }
    }

    /**
     * Runs each task's passes in rounds (one pass of every task per round, so a short budget warms all of them a
     * little rather than the first one fully) until every task has had {@code passes} passes, or said it has nothing
     * to warm, or {@code deadline} ({@link System#nanoTime()}) has passed.
     */
    static Map<String, TaskResult> run(List<WarmUpTask> tasks, int passes, long deadline, long retryPauseMillis) {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        tasks.forEach(task -> results.put(task.name(), new TaskResult(task.name())));
        List<WarmUpTask> running = new ArrayList<>(tasks);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            boolean failed = false;
            for (var it = running.iterator(); it.hasNext(); ) {
                WarmUpTask task = it.next();
                TaskResult result = results.get(task.name());
                try {
                    if (!task.pass()) {
                        result.nothingToWarm = true;
                        it.remove();
                        continue;
                    }
                    result.passes++;
                } catch (RuntimeException e) {
                    result.failures++;
                    result.lastFailure = e.toString();
                    failed = true;
                }
                if (result.passes >= passes) {
                    it.remove();
                }
            }
            if (failed) {
                pause(retryPauseMillis);
            }
        }
        for (WarmUpTask task : running) {
            results.get(task.name()).outOfTime = true;
        }
        return results;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Warm-up interrupted", e);
        }
    }

    /** What the warm-up did for one task. */
    public static final class TaskResult {

        private final String task;
        private int passes;
        private int failures;
        private String lastFailure;
        private boolean nothingToWarm;
        private boolean outOfTime;

        TaskResult(String task) {
            this.task = task;
        }

        public int passes() {
            return passes;
        }

        public int failures() {
            return failures;
        }

        public boolean nothingToWarm() {
            return nothingToWarm;
        }

        public boolean outOfTime() {
            return outOfTime;
        }

        @Override
        public String toString() {
            return task + " " + passes + " passes" + (failures > 0 ? ", " + failures + " failed (last: " + lastFailure + ")" : "")
                    + (nothingToWarm ? ", nothing to warm with" : "") + (outOfTime ? ", stopped at the budget" : "");
        }
    }
}
