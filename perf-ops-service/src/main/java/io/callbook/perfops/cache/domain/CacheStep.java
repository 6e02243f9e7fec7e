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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>A reply is matched to a known replica by address (a pod's IP behind a headless Service), else to one of its
 * service's replicas not yet matched (every replica on one host, as locally). Under dryRun nothing is sent; the
 * report lists the replicas that would be asked.
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
        List<CachesWarmed> replies = new ArrayList<>();
        context.progress().update(0, "asking " + expected + " replicas to warm their caches");
        try (WarmCommands.Replies inbox = commands.send(command, config.listenTimeout())) {
            long deadline = System.nanoTime() + config.replyTimeout().toNanos();
            while (!allAnswered(services, replies)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Optional<CachesWarmed> reply = inbox.next(Duration.ofNanos(left));
                if (reply.isPresent() && replies.stream().noneMatch(r -> r.replica().equals(reply.get().replica()))) {
                    replies.add(reply.get());
                    context.progress().update(Math.min(1.0, (double) replies.size() / expected),
                            replies.size() + " of " + expected + " replicas answered");
                }
            }
        }
        return report(command, services, expected, replies, start);
    }

    private StepResult dryRun(List<SuiteService> services, int expected, long start) {
        List<List<String>> rows = new ArrayList<>();
        services.forEach(service -> service.replicas().forEach(replica -> rows.add(List.of(service.name(), label(replica)))));
        return new StepResult(name(), "Would ask " + expected + " replicas of " + services.size()
                + " services to warm their caches",
                List.of(new ReportTable("Replicas that would be asked", List.of("service", "replica"), rows)),
                List.of(), List.of("send a warm-caches command to " + expected + " replicas"), elapsedMs(start));
    }

    private StepResult report(WarmCaches command, List<SuiteService> services, int expected, List<CachesWarmed> replies,
                              long start) {
        Map<CachesWarmed, String> labels = new LinkedHashMap<>();
        List<List<String>> missing = new ArrayList<>();
        for (SuiteService service : services) {
            List<CachesWarmed> own = replies.stream().filter(reply -> isOf(reply, service)).toList();
            List<URI> unmatched = new ArrayList<>(service.replicas());
            List<CachesWarmed> pending = new ArrayList<>();
            for (CachesWarmed reply : own) {
                Optional<URI> byAddress = unmatched.stream().filter(uri -> sameHost(uri, reply)).findFirst();
                byAddress.ifPresentOrElse(uri -> {
                    labels.put(reply, label(uri));
                    unmatched.remove(uri);
                }, () -> pending.add(reply));
            }
            for (CachesWarmed reply : pending) {
                labels.put(reply, unmatched.isEmpty() ? reply.host() : label(unmatched.remove(0)));
            }
            unmatched.forEach(uri -> missing.add(List.of(service.name(), label(uri))));
        }
        List<List<String>> rows = new ArrayList<>();
        int caches = 0;
        long entries = 0;
        int errors = 0;
        for (CachesWarmed reply : replies) {
            String service = shortName(reply.service());
            String replica = labels.getOrDefault(reply, reply.host());
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

    private static boolean allAnswered(List<SuiteService> services, List<CachesWarmed> replies) {
        return services.stream().allMatch(service ->
                replies.stream().filter(reply -> isOf(reply, service)).count() >= service.replicas().size());
    }

    /** Replies name the application ({@code booking-service}); the suite names the service ({@code booking}). */
    static boolean isOf(CachesWarmed reply, SuiteService service) {
        return service.name().equals(reply.service()) || (service.name() + "-service").equals(reply.service());
    }

    private static String shortName(String application) {
        return application.endsWith("-service") ? application.substring(0, application.length() - "-service".length())
                : application;
    }

    private static boolean sameHost(URI replica, CachesWarmed reply) {
        String host = replica.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase(reply.host()) || reply.addresses().contains(bare);
    }

    private static String label(URI replica) {
        return replica.getAuthority();
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
