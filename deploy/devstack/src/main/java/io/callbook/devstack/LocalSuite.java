package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * {@code ./callbook up}: infrastructure, every built service and the demo tenant on this machine, until Ctrl-C.
 * State lives in {@code <repo>/.callbook/} (data, keys, logs, demo.json) and survives restarts.
 */
public final class LocalSuite {

    private final Path root;
    private final Path home;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final AotCache aotCache;
    private final Set<String> training = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile Devstack stack;
    private volatile InstanceLock lock;

    private LocalSuite(Path root) {
        this.root = root;
        this.home = root.resolve(".callbook");
        this.aotCache = new AotCache(home);
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("slf4j.provider") == null) {
            // zonky logs through SLF4J; without a provider SLF4J prints warnings, and zonky's lines are not needed here
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        Path root = Path.of(System.getProperty("callbook.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        int exitCode = new LocalSuite(root).up();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
        Thread.currentThread().join(); // until Ctrl-C; the shutdown hook stops everything
    }

    private int up() {
        try {
            Optional<InstanceLock> acquired = InstanceLock.tryAcquire(home);
            if (acquired.isEmpty()) {
                OptionalLong holder = InstanceLock.holder(home);
                System.out.println("Callbook is already running"
                        + (holder.isPresent() ? " (pid " + holder.getAsLong() + ")" : "")
                        + " — stop it with Ctrl-C in its terminal.");
                return 1;
            }
            lock = acquired.get();
            int leftovers = Devstack.stopLeftovers(home);
            if (leftovers > 0) {
                System.out.println("Stopped " + leftovers + " process(es) left over by a run that did not shut down cleanly.");
            }
            DevstackOptions options = DevstackOptions.local(home);
            List<LocalService> built = LocalService.ALL.stream().filter(s -> Files.isRegularFile(s.runnerJar(root))).toList();
            List<String> busy = busyPorts(options, built);
            if (!busy.isEmpty()) {
                busy.forEach(System.out::println);
                System.out.println("Free these ports (or stop what uses them) and run ./callbook up again.");
                lock.close();
                return 1;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "callbook-shutdown"));
            start(options, built);
            return 0;
        } catch (RuntimeException | IOException e) {
            System.out.println();
            System.out.println("Callbook could not start: " + e.getMessage());
            return 1;
        }
    }

    private void start(DevstackOptions options, List<LocalService> built) throws IOException {
        System.out.println("Starting Callbook in " + root + " (state in .callbook/)");
        stack = Devstack.create(options).start();
        String bootstrapKey = BootstrapKey.loadOrCreate(home.resolve("bootstrap.key"));
        Map<LocalService, Map<String, String>> configs = new LinkedHashMap<>();
        for (LocalService service : LocalService.ALL) { // every database, so a service built later finds its own
            Map<String, String> config = new LinkedHashMap<>(stack.serviceConfig(service.database()));
            config.put("callbook.auth.bootstrap-api-key", bootstrapKey);
            config.put("callbook.auth.token-ttl", "PT8H");
            configs.put(service, config);
        }
        startServices(built, configs);

        Map<String, String> tokens = new LinkedHashMap<>();
        JsonNode demo = null;
        if (built.stream().anyMatch(s -> s.module().equals("resolver-service"))) {
            ServiceApi resolver = new ServiceApi("http://127.0.0.1:8081");
            ServiceApi booking = built.stream().anyMatch(s -> s.module().equals("booking-service"))
                    ? new ServiceApi("http://127.0.0.1:8082") : null;
            demo = demoData(resolver, booking, bootstrapKey);
            tokens = tokens(resolver, bootstrapKey, demo);
        }
        Banner.print(built, stack, tokens, demo, root, uptimeMillis());
    }

    private void startServices(List<LocalService> built, Map<LocalService, Map<String, String>> configs) {
        List<Future<ServiceProcess>> starts = new ArrayList<>();
        for (LocalService service : built) {
            FutureTask<ServiceProcess> task = new FutureTask<>(() -> {
                long begin = System.nanoTime();
                List<String> jvmFlags = new ArrayList<>(ServiceProcess.jvmOptions(System.getProperty("callbook.service.jvm-options")));
                List<String> aot = aotCache.flags(service.module(), service.runnerJar(root));
                jvmFlags.addAll(aot);
                ServiceProcess process = ServiceProcess.start(service.module(), service.runnerJar(root), service.port(),
                        configs.get(service), home.resolve("logs").resolve(service.module() + ".log"),
                        System.getProperty("callbook.service.max-heap", ServiceProcess.DEFAULT_MAX_HEAP), jvmFlags);
                if (AotCache.trains(aot)) {
                    training.add(service.module());
                    System.out.printf("%s: first start of this build, training its AOT cache (written when it stops)%n",
                            service.module());
                }
                services.add(process);
                stack.recordProcess("service-" + service.module(), process.pid(), ServiceProcess.processMarker(service.module()));
                watch(process);
                System.out.printf("%s ready on %s in %d ms%n", service.module(), service.url(), Devstack.millisSince(begin));
                return process;
            });
            Thread thread = new Thread(task, "start-" + service.module());
            thread.setDaemon(true);
            thread.start();
            starts.add(task);
        }
        List<String> failures = new ArrayList<>();
        for (Future<ServiceProcess> start : starts) {
            try {
                start.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while services were starting");
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join("\n\n", failures));
        }
    }

    private JsonNode demoData(ServiceApi resolver, ServiceApi booking, String bootstrapKey) {
        long begin = System.nanoTime();
        try {
            JsonNode demo = DemoData.ensure(resolver, booking, bootstrapKey, home.resolve("demo.json"));
            System.out.printf("Demo data ready in %d ms (.callbook/demo.json)%n", Devstack.millisSince(begin));
            return demo;
        } catch (RuntimeException | IOException e) {
            System.out.println("Demo data could not be loaded: " + e.getMessage());
            return null;
        }
    }

    private static Map<String, String> tokens(ServiceApi resolver, String bootstrapKey, JsonNode demo) {
        Map<String, String> tokens = new LinkedHashMap<>();
        try {
            if (demo != null && demo.path("tenantApiKey").hasNonNull("key")) {
                tokens.put("TOKEN", resolver.token(demo.path("tenantApiKey").path("key").asText()));
            }
        } catch (RuntimeException e) {
            System.out.println("The demo tenant's API key was refused (" + e.getMessage() + ").\n"
                    + "If the database was reset, delete .callbook/demo.json to load the demo data again.");
        }
        try {
            tokens.put("ADMIN_TOKEN", resolver.token(bootstrapKey));
        } catch (RuntimeException e) {
            System.out.println("No platform-admin token: " + e.getMessage());
        }
        return tokens;
    }

    private List<String> busyPorts(DevstackOptions options, List<LocalService> built) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(options.postgresPort(), "PostgreSQL (-Dcallbook.postgres.port)");
        ports.put(options.redisPort(), "Redis (-Dcallbook.redis.port)");
        ports.put(options.kafkaPort(), "Kafka (-Dcallbook.kafka.port)");
        ports.put(options.kafkaControllerPort(), "Kafka controller (-Dcallbook.kafka.controller-port)");
        built.forEach(service -> ports.put(service.port(), service.module()));
        List<String> busy = new ArrayList<>();
        ports.forEach((port, owner) -> {
            if (Ports.isBusy(port)) {
                busy.add("Port " + port + " for " + owner + " is already in use.");
            }
        });
        return busy;
    }

    /** Tells at once when a service dies on its own, instead of leaving a half-working suite unnoticed. */
    private void watch(ServiceProcess process) {
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                System.out.printf("%n%s stopped unexpectedly (exit code %d); see %s%n",
                        process.name(), exited.exitValue(), root.relativize(process.logFile()));
            }
        });
    }

    /** Ctrl-C: services first (they still flush to Kafka and the database), then Kafka, Redis and PostgreSQL. */
    private void shutdown() {
        stopping = true;
        long begin = System.nanoTime();
        System.out.println();
        System.out.println("Stopping Callbook...");
        List<ServiceProcess> writingCaches = services.stream().filter(service -> training.contains(service.name())).toList();
        if (!writingCaches.isEmpty()) {
            System.out.println("Writing the AOT caches of " + String.join(", ", training)
                    + " (once per build; the next start reads them): a minute or two");
        }
        List<Map.Entry<String, Runnable>> stops = new ArrayList<>(services.stream()
                .filter(service -> !writingCaches.contains(service))
                .map(service -> Map.<String, Runnable>entry(service.name(), service::stop)).toList());
        // One at a time: each cache is assembled by a JVM of its own, and three at once on two cores missed every time-out.
        stops.add(Map.entry("aot-caches", () -> writingCaches.forEach(ServiceProcess::stop)));
        Processes.inParallel("stop-", stops);
        if (stack != null) {
            stack.close();
        }
        if (lock != null) {
            lock.close();
        }
        System.out.printf("Callbook stopped. (%d ms)%n", Devstack.millisSince(begin));
        System.out.flush();
    }

    private static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
