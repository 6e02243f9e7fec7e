package io.callbook.perfops.operation.domain;

import io.callbook.perfops.OpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts optimize runs and carries them out in the background.
 * <ul>
 *   <li>One run at a time in the cluster ({@link RunLock}); a second start is refused with {@link RunInProgress}.</li>
 *   <li>Steps run in the order {@link OptimizeOptions#steps()} gives; a failing step is recorded and the next runs.</li>
 *   <li>The whole run is bounded by {@code callbook.ops.run-timeout}; a step still going then is abandoned.</li>
 *   <li>A finding is new unless the last successful run of the same step gave it or config accepts it.</li>
 * </ul>
 */
@ApplicationScoped
public class OpsRuns {

    private static final Logger LOG = Logger.getLogger(OpsRuns.class);
    /** Progress is written at most this often, so a chatty step does not turn into a stream of UPDATEs. */
    private static final long PROGRESS_WRITE_INTERVAL_NANOS = Duration.ofMillis(300).toNanos();

    private final Map<String, OpsStep> steps;
    private final OpsReports reports;
    private final RunLock lock;
    private final ManagedExecutor executor;
    private final OpsConfig config;

    public OpsRuns(Instance<OpsStep> steps, OpsReports reports, RunLock lock, ManagedExecutor executor, OpsConfig config) {
        this.steps = steps.stream().collect(Collectors.toMap(OpsStep::name, Function.identity()));
        this.reports = reports;
        this.lock = lock;
        this.executor = executor;
        this.config = config;
    }

    /**
     * @return the new report, RUNNING; the steps run in the background
     * @throws NothingToRun  when the options ask for no step
     * @throws RunInProgress when another run holds the lock
     */
    public OpsReport start(OptimizeOptions options, String trigger, String requestedBy) {
        if (!options.asksForSomething()) {
            throw new NothingToRun();
        }
        RunLock.Held held = lock.tryAcquire().orElseThrow(RunInProgress::new);
        OpsReport report;
        try {
            int interrupted = reports.failInterrupted();
            if (interrupted > 0) {
                LOG.warnf("%d ops run(s) were left running by a stopped replica; marked failed", interrupted);
            }
            report = reports.create(options, trigger, requestedBy);
            executor.execute(() -> runHolding(held, report));
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        LOG.infof("Ops run %s started (%s by %s): %s%s", report.id, trigger, requestedBy, options.steps(),
                options.dryRun() ? ", dry run" : "");
        return report;
    }

    private void runHolding(RunLock.Held held, OpsReport report) {
        try (held) {
            run(report);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Ops run %s failed", report.id);
            reports.finish(report.id, List.of(), "the run failed: " + e.getMessage());
        }
    }

    private void run(OpsReport report) {
        OptimizeOptions options = report.options;
        List<String> names = options.steps();
        long deadline = System.nanoTime() + config.runTimeout().toNanos();
        List<String> errors = new ArrayList<>();
        List<Finding> newFindings = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            StepResult result = runStep(report, name, index, names.size(), deadline, errors);
            reports.addStep(report.id, result);
            newFindings.addAll(newFindings(report, result));
        }
        OpsReport finished = reports.finish(report.id, newFindings, errors.isEmpty() ? null : String.join("; ", errors));
        LOG.infof("Ops run %s %s in %d ms: %d new finding(s)", report.id, finished.status.name().toLowerCase(),
                Duration.between(finished.startedAt, finished.finishedAt).toMillis(), newFindings.size());
    }

    private StepResult runStep(OpsReport report, String name, int index, int count, long deadline, List<String> errors) {
        OpsStep step = steps.get(name);
        if (step == null) {
            errors.add(name + ": not available in this build");
            return failed(name, "not available in this build", 0);
        }
        long start = System.nanoTime();
        reports.progress(report.id, percent(index, count, 0), name);
        StepContext context = new StepContext(report.id, report.options, progressOf(report, name, index, count));
        Future<StepResult> running = executor.submit(() -> step.run(context));
        try {
            StepResult result = running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return result.withDuration(millisSince(start));
        } catch (TimeoutException e) {
            running.cancel(true);
            errors.add(name + ": stopped after the run timeout of " + config.runTimeout());
            return failed(name, "stopped: the run took longer than " + config.runTimeout(), millisSince(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.errorf(cause, "Ops step %s of run %s failed", name, report.id);
            errors.add(name + ": " + cause.getMessage());
            return failed(name, "failed: " + cause.getMessage(), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            errors.add(name + ": interrupted");
            return failed(name, "interrupted", millisSince(start));
        }
    }

    private StepContext.Progress progressOf(OpsReport report, String name, int index, int count) {
        long[] lastWrite = {0};
        return (fraction, message) -> {
            long now = System.nanoTime();
            if (now - lastWrite[0] >= PROGRESS_WRITE_INTERVAL_NANOS) {
                lastWrite[0] = now;
                reports.progress(report.id, percent(index, count, fraction), name + ": " + message);
            }
        };
    }

    private List<Finding> newFindings(OpsReport report, StepResult result) {
        if (result.findings().isEmpty()) {
            return List.of();
        }
        Set<String> accepted = Set.copyOf(config.acceptedFindings().orElse(List.of()));
        Optional<Set<String>> previous = reports.previousFindingKeys(result.step(), report.id);
        return result.findings().stream()
                .filter(finding -> !accepted.contains(finding.key()))
                .filter(finding -> previous.map(keys -> !keys.contains(finding.key())).orElse(true))
                .toList();
    }

    static int percent(int index, int count, double fraction) {
        double clamped = Math.max(0, Math.min(1, fraction));
        return (int) Math.min(99, Math.floor((index + clamped) * 100.0 / count));
    }

    private static StepResult failed(String name, String summary, long millis) {
        return new StepResult(name, summary, List.of(), List.of(), List.of(), millis);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
