package io.callbook.perfops.cache.domain;

import io.callbook.common.contracts.ops.CachesWarmed;
import io.callbook.common.contracts.ops.WarmCaches;
import io.callbook.perfops.operation.domain.OpsStep;
import io.callbook.perfops.operation.domain.OptimizeOptions;
import io.callbook.perfops.operation.domain.ReportTable;
import io.callbook.perfops.operation.domain.StepContext;
import io.callbook.perfops.operation.domain.StepResult;
import io.callbook.perfops.suite.domain.SuiteService;
import io.callbook.perfops.suite.domain.SuiteServices;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code cache} step: one warm-caches command on the ops topic, which every replica of every service reads, and
 * their replies collected until each replica perf-ops knows of (services with running replicas, itself included) has
 * answered, or {@link CacheConfig#replyTimeout()} has passed. Replicas that did not answer are listed, not failed:
 * warming is an optimisation, and a replica busy starting up warms itself.
 *
 * <p>Replies are matched to replicas as {@link ReplicaReplies} says. Under dryRun nothing is sent; the report lists
 * the replicas that would be asked.
 */
@ApplicationScoped
public class CacheStep implements OpsStep {

    private final SuiteServices suite;
    private final WarmCommands commands;
    private final CacheConfig config;

    public CacheStep(SuiteServices suite, WarmCommands commands, CacheConfig config) {
        this.suite = suite;
        this.commands = commands;
        this.config = config;
    }

    @Override
    public String name() {
        return OptimizeOptions.CACHE;
    }

    @Override
    public StepResult run(StepContext context) throws InterruptedException {
        long start = System.nanoTime();
        List<SuiteService> services = suite.all().stream().filter(service -> !service.replicas().isEmpty()).toList();
        int expected = services.stream().mapToInt(service -> service.replicas().size()).sum();
        if (context.options().dryRun()) {
            return dryRun(services, expected, start);
        }
        if (expected == 0) {
            return new StepResult(name(), "No running replica known; nothing warmed", List.of(), List.of(), List.of(),
                    elapsedMs(start));
        }
        Instant now = Instant.now();
        WarmCaches command = new WarmCaches(UUID.randomUUID(), "perf-ops report " + context.reportId(), now,
                now.plus(config.replyTimeout()));
        ReplicaReplies replies = new ReplicaReplies(services);
        context.progress().update(0, "asking " + expected + " replicas to warm their caches");
        try (WarmCommands.Replies inbox = commands.send(command, config.listenTimeout())) {
            long deadline = System.nanoTime() + config.replyTimeout().toNanos();
            while (!replies.complete()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Optional<CachesWarmed> reply = inbox.next(Duration.ofNanos(left));
                if (reply.isPresent() && replies.add(reply.get())) {
                    int answered = replies.replies().size();
                    context.progress().update(Math.min(1.0, (double) answered / expected),
                            answered + " of " + expected + " replicas answered");
                }
            }
        }
        return report(command, expected, replies, start);
    }

    private StepResult dryRun(List<SuiteService> services, int expected, long start) {
        List<List<String>> rows = new ArrayList<>();
        services.forEach(service -> service.replicas()
                .forEach(replica -> rows.add(List.of(service.name(), ReplicaReplies.label(replica)))));
        return new StepResult(name(), "Would ask " + expected + " replicas of " + services.size()
                + " services to warm their caches",
                List.of(new ReportTable("Replicas that would be asked", List.of("service", "replica"), rows)),
                List.of(), List.of("send a warm-caches command to " + expected + " replicas"), elapsedMs(start));
    }

    private StepResult report(WarmCaches command, int expected, ReplicaReplies replies, long start) {
        Map<CachesWarmed, String> labels = replies.labels();
        List<List<String>> missing = replies.missing();
        List<List<String>> rows = new ArrayList<>();
        int caches = 0;
        long entries = 0;
        int errors = 0;
        for (CachesWarmed reply : replies.replies()) {
            String service = ReplicaReplies.shortName(reply.service());
            String replica = labels.get(reply);
            if (reply.caches().isEmpty()) {
                rows.add(List.of(service, replica, "(none)", "0", Long.toString(reply.durationMs()), ""));
            }
            for (CachesWarmed.Cache cache : reply.caches()) {
                rows.add(List.of(service, replica, cache.cache(), Integer.toString(cache.entries()),
                        Long.toString(cache.durationMs()), cache.error() == null ? "" : cache.error()));
                caches++;
                entries += cache.entries();
                errors += cache.error() == null ? 0 : 1;
            }
        }
        List<ReportTable> tables = new ArrayList<>();
        tables.add(new ReportTable("Caches warmed per replica", List.of("service", "replica", "cache", "entries", "ms",
                "error"), rows));
        if (!missing.isEmpty()) {
            tables.add(new ReportTable("Replicas that did not answer within " + config.replyTimeout().toSeconds() + " s",
                    List.of("service", "replica"), missing));
        }
        String summary = "%d of %d replicas answered: %d caches warmed, %d entries%s%s".formatted(
                expected - missing.size(), expected, caches, entries,
                errors == 0 ? "" : ", " + errors + " failed",
                missing.isEmpty() ? "" : "; no answer from " + String.join(", ",
                        missing.stream().map(row -> row.get(0) + " " + row.get(1)).toList()));
        return new StepResult(name(), summary, tables, List.of(),
                List.of("warm-caches command " + command.commandId() + " sent"), elapsedMs(start));
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
