package io.callbook.perfops.loadtest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.Ids;
import io.callbook.common.persistence.UniqueViolations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Load tests started through perf-ops. Rules: one runs at a time (a unique index over the running row, so also across
 * replicas; a second start is {@link LoadTestRunning}); the bench runs as a child process of this replica, which
 * follows its output and records how it ended, its summary and its last lines; a bench that outlives
 * {@code callbook.ops.loadtest.timeout} is stopped and failed. A run still marked running when this service starts
 * was cut off by a stop of the service and is failed then: load tests run where one replica serves them (the local
 * run), since only there is a repository with the benches.
 */
@ApplicationScoped
public class LoadTests {

    private static final Logger LOG = Logger.getLogger(LoadTests.class);
    private static final long MAX_SUMMARY_FILE_BYTES = 1 << 20;

    private final EntityManager entityManager;
    private final BenchRunner runner;
    private final LoadTestConfig config;
    private final ObjectMapper json;
    private final Optional<BenchCommand> command;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();

    private record Live(BenchOutput output, BenchRunner.Running process) {
    }

    public LoadTests(EntityManager entityManager, BenchRunner runner, LoadTestConfig config, ObjectMapper json) {
        this.entityManager = entityManager;
        this.runner = runner;
        this.config = config;
        this.json = json;
        this.command = BenchCommand.of(config);
    }

    public boolean available() {
        return command.isPresent();
    }

    /**
     * Starts the bench and returns its run at once (RUNNING, or FAILED when the command could not be started).
     *
     * @throws LoadTestsUnavailable when no bench command is configured here
     * @throws InvalidLoadTest      for an unknown bench or a forbidden argument
     * @throws LoadTestRunning      while another load test runs
     */
    public LoadTestRun start(String bench, List<String> args, String requestedBy) {
        BenchCommand benchCommand = command.orElseThrow(LoadTestsUnavailable::new);
        List<String> words = benchCommand.words(bench, args);
        LoadTestRun run = new LoadTestRun();
        run.id = Ids.newId();
        run.bench = bench;
        run.args = args.toArray(String[]::new);
        run.requestedBy = requestedBy;
        run.status = LoadTestStatus.RUNNING;
        run.startedAt = Instant.now();
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.persist(run));
        } catch (RuntimeException e) {
            if (UniqueViolations.collidingKey(e).isPresent()) {
                throw new LoadTestRunning(running().map(other -> other.id).orElse(null));
            }
            throw e;
        }
        BenchOutput output = new BenchOutput(config.logLines());
        BenchRunner.Running process;
        try {
            process = runner.start(words, benchCommand.workingDirectory(), output::accept);
        } catch (RuntimeException e) {
            LOG.warnf("Load test %s (%s) could not start: %s", run.id, String.join(" ", words), e.getMessage());
            return finish(run.id, LoadTestStatus.FAILED, null, null, output, "The bench could not start: " + e.getMessage());
        }
        live.put(run.id, new Live(output, process));
        LOG.infof("Load test %s started by %s: %s", run.id, requestedBy, String.join(" ", words));
        Thread.ofVirtual().name("loadtest-" + run.id).start(() -> follow(run.id, bench, process, output));
        return run;
    }

    public Optional<LoadTestRun> find(UUID id) {
        return Optional.ofNullable(entityManager.find(LoadTestRun.class, id));
    }

    /** Newest first; {@code limit + 1} rows (the extra one tells there is a next page). */
    public List<LoadTestRun> list(UUID after, int limit) {
        var query = after == null
                ? entityManager.createQuery("from LoadTestRun order by id desc", LoadTestRun.class)
                : entityManager.createQuery("from LoadTestRun where id < :after order by id desc", LoadTestRun.class)
                        .setParameter("after", after);
        return query.setMaxResults(limit + 1).getResultList();
    }

    /** The last lines of its output: live while it runs on this replica, else as recorded when it ended. */
    public String logTail(LoadTestRun run) {
        Live running = live.get(run.id);
        return running != null ? running.output().tail() : run.logTail;
    }

    /** The summary as stored; empty while it runs or when the bench left none. */
    public Optional<BenchSummary> summary(LoadTestRun run) {
        if (run.summary == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(run.summary, BenchSummary.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Load test %s: unreadable summary (%s)", run.id, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private Optional<LoadTestRun> running() {
        return entityManager.createQuery("from LoadTestRun where status = :running", LoadTestRun.class)
                .setParameter("running", LoadTestStatus.RUNNING).getResultStream().findFirst();
    }

    private void follow(UUID id, String bench, BenchRunner.Running process, BenchOutput output) {
        try {
            if (!process.awaitExit(config.timeout())) {
                process.stop();
                finish(id, LoadTestStatus.FAILED, null, summaryOf(bench, output), output,
                        "Stopped after " + config.timeout().toMinutes() + " min (callbook.ops.loadtest.timeout)");
                return;
            }
            int exitCode = process.exitCode();
            finish(id, exitCode == 0 ? LoadTestStatus.SUCCEEDED : LoadTestStatus.FAILED, exitCode, summaryOf(bench, output),
                    output, exitCode == 0 ? null : "The bench exited with " + exitCode + exitMeaning(exitCode));
        } catch (InterruptedException e) {
            process.stop();
            finish(id, LoadTestStatus.FAILED, null, summaryOf(bench, output), output, "perf-ops-service stopped while it ran");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Load test %s: following the bench failed", id);
            process.stop();
            finish(id, LoadTestStatus.FAILED, null, null, output, "Following the bench failed: " + e.getMessage());
        }
    }

    /** deploy/loadtest's ExitStatus. */
    static String exitMeaning(int exitCode) {
        return switch (exitCode) {
            case 1 -> " (the bench failed; see its log)";
            case 2 -> " (its arguments were refused; see its log)";
            case 3 -> " (a run was flagged: errors or too low a rate)";
            case 4 -> " (a latency target was missed)";
            case 143, 137 -> " (it was stopped)";
            default -> "";
        };
    }

    private Optional<BenchSummary> summaryOf(String bench, BenchOutput output) {
        Optional<JsonNode> file = output.reportsDir().map(dir -> dir.resolve("summary.json")).flatMap(this::readJson);
        return BenchSummary.of(bench, output, file);
    }

    private Optional<JsonNode> readJson(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) <= MAX_SUMMARY_FILE_BYTES) {
                return Optional.of(json.readTree(file.toFile()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot read the bench summary %s: %s", file, e.getMessage());
        }
        return Optional.empty();
    }

    private LoadTestRun finish(UUID id, LoadTestStatus status, Integer exitCode, Optional<BenchSummary> summary,
                               BenchOutput output, String error) {
        try {
            String summaryJson = summary.isEmpty() ? null : json.writeValueAsString(summary.get());
            LoadTestRun run = QuarkusTransaction.requiringNew().call(() -> {
                LoadTestRun stored = entityManager.find(LoadTestRun.class, id);
                stored.status = status;
                stored.finishedAt = Instant.now();
                stored.exitCode = exitCode;
                stored.summary = summaryJson;
                stored.logTail = output.tail();
                stored.error = error;
                return stored;
            });
            LOG.infof("Load test %s ended: %s%s", id, status, error == null ? "" : " - " + error);
            return run;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the summary of load test " + id, e);
        } finally {
            live.remove(id);
        }
    }

    void failCutOffRuns(@Observes StartupEvent start) {
        int failed = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("""
                        update LoadTestRun set status = :failed, finishedAt = :now,
                        error = 'perf-ops-service stopped while it ran' where status = :running""")
                .setParameter("failed", LoadTestStatus.FAILED)
                .setParameter("running", LoadTestStatus.RUNNING)
                .setParameter("now", Instant.now())
                .executeUpdate());
        if (failed > 0) {
            LOG.infof("%d load test(s) cut off by the last stop recorded as failed", failed);
        }
    }

    /** The benches must not outlive the service that follows them: nothing would record their end. */
    void stopBenches(@Observes ShutdownEvent stop) {
        live.forEach((id, running) -> {
            LOG.infof("Stopping load test %s: perf-ops-service stops", id);
            running.process().stop();
        });
    }
}
