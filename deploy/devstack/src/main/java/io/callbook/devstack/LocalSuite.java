package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code ./callbook up}: infrastructure, every built service and the demo tenant on this machine, until Ctrl-C (or
 * {@code ./callbook down}, which sends SIGTERM: the same shutdown hook). State lives in {@code <repo>/.callbook/} (data,
 * keys, logs, demo.json) and survives restarts; {@link SuiteState} tells other terminals what runs.
 * {@code --detach} starts it in the background ({@link DetachedStart}).
 */
public final class LocalSuite {

    /** System property set on the background JVM that {@code up --detach} starts; its output already goes to the log. */
    static final String DETACHED_PROPERTY = "callbook.detached";
    static final String LOG_FILE = "launcher.log";

    private final Path root;
    private final Path home;
    private final boolean detached;
    private List<LocalService> configured;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final AotCache aotCache;
    private final Set<String> training = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile Devstack stack;
    private volatile InstanceLock lock;
    private volatile SuiteState suiteState;

    private LocalSuite(Path root, boolean detached) {
        this.root = root;
        this.home = root.resolve(".callbook");
        this.detached = detached;
        this.aotCache = new AotCache(home);
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("slf4j.provider") == null) {
            // zonky logs through SLF4J; without a provider SLF4J prints warnings, and zonky's lines are not needed here
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        Path root = Path.of(System.getProperty("callbook.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        List<String> options = Arrays.asList(args);
        if (options.stream().anyMatch(option -> !option.equals("--detach"))) {
            System.out.println("Unknown option for up: " + String.join(" ", options) + " (./callbook up --help)");
            System.exit(2);
        }
        if (options.contains("--detach")) {
            System.exit(DetachedStart.run(root, root.resolve(".callbook")));
        }
        int exitCode = new LocalSuite(root, Boolean.getBoolean(DETACHED_PROPERTY)).up();
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
                        + " — ./callbook status shows it, ./callbook down (or Ctrl-C in its terminal) stops it.");
                return 1;
            }
            lock = acquired.get();
            if (!detached) {
                alsoWriteOutputTo(home.resolve("logs").resolve(LOG_FILE));
            }
            int leftovers = Devstack.stopLeftovers(home);
            if (leftovers > 0) {
                System.out.println("Stopped " + leftovers + " process(es) left over by a run that did not shut down cleanly.");
            }
            DevstackOptions options = DevstackOptions.local(home);
            configured = LocalService.configured(System.getProperties());
            List<LocalService> built = configured.stream().filter(s -> Files.isRegularFile(s.runnerJar(root))).toList();
            List<String> busy = new ArrayList<>(portClashes(options, configured));
            if (busy.isEmpty()) {
                busy.addAll(busyPorts(options, built));
            }
            if (!busy.isEmpty()) {
                busy.forEach(System.out::println);
                System.out.println("Free these ports (or stop what uses them) and run ./callbook up again.");
                lock.close();
                return 1;
            }
            Map<String, Integer> servicePorts = new LinkedHashMap<>();
            built.forEach(service -> servicePorts.put(service.module(), service.port()));
            suiteState = new SuiteState(ProcessHandle.current().pid(), SuiteState.Phase.STARTING, Instant.now(), detached,
                    servicePorts);
            suiteState.write(home);
            Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "callbook-shutdown"));
            start(options, built);
            if (!stopping) {
                suiteState = suiteState.withPhase(SuiteState.Phase.UP);
                suiteState.write(home);
            }
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
        for (LocalService service : configured) { // every database, so a service built later finds its own
            Map<String, String> config = new LinkedHashMap<>(stack.serviceConfig(service.database()));
            config.putAll(tokenConfig(service, configured, stack, bootstrapKey));
            config.putAll(restClientUrls(service, configured));
            if (service.name().equals("perf-ops")) {
                config.putAll(opsTargets(configured, stack));
                config.putAll(loadTestConfig(root));
            }
            configs.put(service, config);
        }
        startServices(built, configs);

        Map<String, String> tokens = new LinkedHashMap<>();
        JsonNode demo = null;
        Optional<LocalService> resolverService = LocalService.named(built, "resolver");
        if (resolverService.isPresent()) {
            ServiceApi resolver = new ServiceApi(baseUrl(resolverService.get()));
            ServiceApi booking = LocalService.named(built, "booking").map(s -> new ServiceApi(baseUrl(s))).orElse(null);
            demo = demoData(resolver, booking, bootstrapKey);
            tokens = tokens(resolver, bootstrapKey, demo);
        }
        Banner.print(configured, built, stack, tokens, demo, root, uptimeMillis(),
                detached ? "Stop with ./callbook down." : "Stop with Ctrl-C (or ./callbook down from another terminal).");
    }

    static String baseUrl(LocalService service) {
        return "http://127.0.0.1:" + service.port();
    }

    static String managementUrl(LocalService service) {
        return "http://127.0.0.1:" + service.managementPort();
    }

    /**
     * Only resolver-service gets the signing key and the bootstrap key (kept for the local run's ten years; a
     * production key expires within days); the others verify against its published JWKS, as in Kubernetes, and
     * webhook-service gets the secret it exchanges for its agent tokens.
     */
    static Map<String, String> tokenConfig(LocalService service, List<LocalService> services, Devstack stack,
                                           String bootstrapKey) {
        Map<String, String> config = new LinkedHashMap<>();
        if (service.name().equals("resolver")) {
            config.putAll(stack.signingConfig());
            config.put("callbook.auth.bootstrap-api-key", bootstrapKey);
            config.put("callbook.auth.bootstrap-api-key-ttl", "P3650D");
            config.put("callbook.auth.token-ttl", "PT8H");
            return config;
        }
        LocalService.named(services, "resolver").ifPresent(resolver ->
                config.put("mp.jwt.verify.publickey.location", baseUrl(resolver) + "/.well-known/jwks.json"));
        if (service.name().equals("webhook")) {
            config.putAll(stack.agentExchangeConfig());
        }
        return config;
    }

    /** {@code quarkus.rest-client.<name>.url} for each service this one calls, at the port that service has in this run. */
    static Map<String, String> restClientUrls(LocalService service, List<LocalService> services) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String client : service.restClients()) {
            LocalService.named(services, client).ifPresent(called ->
                    urls.put("quarkus.rest-client." + client + ".url", baseUrl(called)));
        }
        return urls;
    }

    /**
     * perf-ops-service watches every service of the run: its management interface (where /q/metrics is) at the port it
     * has in this run, and its database.
     */
    static Map<String, String> opsTargets(List<LocalService> services, Devstack stack) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (LocalService service : services) {
            targets.put("callbook.ops.services." + service.name() + ".urls", managementUrl(service));
            targets.put("callbook.ops.services." + service.name() + ".jdbc-url", stack.jdbcUrl(service.database()));
        }
        return targets;
    }

    /**
     * perf-ops-service starts the benches (POST /v1/ops/loadtests) as this repository's {@code ./callbook bench}: the
     * root tells it where that is. The benches then find the suite running and use it.
     */
    static Map<String, String> loadTestConfig(Path root) {
        return Map.of("callbook.ops.loadtest.root", root.toString());
    }

    private void startServices(List<LocalService> built, Map<LocalService, Map<String, String>> configs) {
        List<Future<ServiceProcess>> starts = new ArrayList<>();
        for (LocalService service : built) {
            FutureTask<ServiceProcess> task = new FutureTask<>(() -> {
                long begin = System.nanoTime();
                List<String> jvmFlags = new ArrayList<>(ServiceProcess.jvmOptions(System.getProperty("callbook.service.jvm-options")));
                List<String> aot = aotCache.flags(service.module(), service.runnerJar(root), jvmFlags);
                jvmFlags.addAll(aot);
                ServiceProcess process = ServiceProcess.start(service.module(), service.runnerJar(root), service.port(),
                        service.managementPort(), configs.get(service), home.resolve("logs").resolve(service.module() + ".log"),
                        System.getProperty("callbook.service.max-heap", ServiceProcess.DEFAULT_MAX_HEAP), jvmFlags);
                if (AotCache.trains(aot)) {
                    training.add(service.module());
                    System.out.printf("%s: first start of this build, training its AOT cache (written when it stops)%n",
                            service.module());
                }
                process.leaveStopToOwner();
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
            Optional<String> tenantKey = DemoData.tenantApiKey(demo);
            if (tenantKey.isPresent()) {
                tokens.put("TOKEN", resolver.token(tenantKey.get()));
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

    private static List<String> busyPorts(DevstackOptions options, List<LocalService> built) {
        List<String> busy = new ArrayList<>();
        portOwners(options, built).forEach(owner -> {
            if (Ports.isBusy(owner.getKey())) {
                busy.add("Port " + owner.getKey() + " for " + owner.getValue() + " is already in use.");
            }
        });
        return busy;
    }

    /** Two parts of the run configured with the same port: the second would fail to start only minutes later. */
    static List<String> portClashes(DevstackOptions options, List<LocalService> services) {
        Map<Integer, String> first = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Map.Entry<Integer, String> owner : portOwners(options, services)) {
            String earlier = first.putIfAbsent(owner.getKey(), owner.getValue());
            if (earlier != null) {
                clashes.add("Port " + owner.getKey() + " is set for both " + earlier + " and " + owner.getValue() + ".");
            }
        }
        return clashes;
    }

    private static List<Map.Entry<Integer, String>> portOwners(DevstackOptions options, List<LocalService> services) {
        List<Map.Entry<Integer, String>> owners = new ArrayList<>();
        owners.add(Map.entry(options.postgresPort(), "PostgreSQL (-Dcallbook.postgres.port)"));
        owners.add(Map.entry(options.redisPort(), "Redis (-Dcallbook.redis.port)"));
        owners.add(Map.entry(options.kafkaPort(), "Kafka (-Dcallbook.kafka.port)"));
        owners.add(Map.entry(options.kafkaControllerPort(), "Kafka controller (-Dcallbook.kafka.controller-port)"));
        services.forEach(service -> owners.add(Map.entry(service.port(),
                service.module() + " (-D" + LocalService.portProperty(service.name()) + ")")));
        services.forEach(service -> owners.add(Map.entry(service.managementPort(), service.module()
                + "'s management interface (-D" + LocalService.portProperty(service.name()) + " + "
                + LocalService.MANAGEMENT_OFFSET + ")")));
        return owners;
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
        writePhase(SuiteState.Phase.STOPPING);
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
        writePhase(SuiteState.Phase.STOPPED);
        if (lock != null) {
            lock.close();
        }
        System.out.printf("Callbook stopped. (%d ms)%n", Devstack.millisSince(begin));
        System.out.flush();
    }

    private void writePhase(SuiteState.Phase phase) {
        SuiteState current = suiteState;
        if (current != null) {
            suiteState = current.withPhase(phase);
            try {
                suiteState.write(home);
            } catch (RuntimeException e) {
                System.out.println("Could not update " + SuiteState.FILE_NAME + ": " + e.getMessage());
            }
        }
    }

    /**
     * Keeps the terminal output and also appends it to {@code .callbook/logs/launcher.log}, where {@code down} and
     * {@code logs} in another terminal read it. Only once the lock is held: a refused second run must not write there.
     */
    private static void alsoWriteOutputTo(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        OutputStream file = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.setOut(new PrintStream(new Tee(System.out, file), true, System.out.charset()));
        System.setErr(new PrintStream(new Tee(System.err, file), true, System.err.charset()));
    }

    /** Writes to the terminal and the log file; a terminal that went away does not stop the log. */
    static final class Tee extends OutputStream {
        private final OutputStream terminal;
        private final OutputStream file;

        Tee(OutputStream terminal, OutputStream file) {
            this.terminal = terminal;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                terminal.write(bytes, offset, length);
            } catch (IOException e) {
                // the log still gets it
            }
            synchronized (file) { // stdout and stderr share it
                file.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                terminal.flush();
            } catch (IOException e) {
                // as above
            }
            synchronized (file) {
                file.flush();
            }
        }
    }

    private static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
