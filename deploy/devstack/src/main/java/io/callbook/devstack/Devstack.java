package io.callbook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * Real PostgreSQL, Redis and Kafka as separate OS processes, for tests and the local run.
 *
 * <p>Everything a running stack is made of (ports, pids, settings) lives in its state file, and every process is
 * controlled by pid. So an instance created by any class loader, or attached from the state file, controls the same
 * stack: Quarkus tests load classes in several class loaders, yet must share one stack per JVM.
 */
public final class Devstack implements AutoCloseable {

    /** System property holding the state file of this JVM's shared stack. */
    public static final String STATE_PROPERTY = "callbook.devstack.state";

    static final String POSTGRES = "postgres";
    static final String REDIS = "redis";
    static final String KAFKA = "kafka";

    /*
     * A string literal is interned, so this monitor is the same object in every class loader of the JVM,
     * which is exactly the scope shared() has to be exclusive in.
     */
    private static final String JVM_WIDE_LOCK = "io.callbook.devstack.Devstack.shared";

    private final DevstackOptions options;
    private StackState state;

    private Devstack(DevstackOptions options, StackState state) {
        this.options = options;
        this.state = state;
    }

    /** A stack that {@link #start()} will start in the given folder. */
    public static Devstack create(DevstackOptions options) {
        return new Devstack(options, null);
    }

    /** Controls an already running stack through its state file. */
    public static Devstack attach(Path stateFile) {
        return new Devstack(null, StackState.load(stateFile));
    }

    /**
     * The one stack of this JVM, started on first use under {@code <java.io.tmpdir>/callbook-devstack/<pid>} (tests
     * point java.io.tmpdir at the module's target folder) and stopped when the JVM exits. Later calls, from any class
     * loader, attach to it through the {@value #STATE_PROPERTY} system property.
     */
    public static Devstack shared() {
        synchronized (JVM_WIDE_LOCK) {
            String stateFile = System.getProperty(STATE_PROPERTY);
            if (stateFile != null && Files.isRegularFile(Path.of(stateFile))) {
                // This JVM's stack, even while a test has Redis or Kafka stopped on purpose.
                return attach(Path.of(stateFile));
            }
            Path base = Path.of(System.getProperty("callbook.devstack.dir",
                    Path.of(System.getProperty("java.io.tmpdir"), "callbook-devstack").toString()));
            removeAbandonedStacks(base);
            Devstack stack = create(DevstackOptions.forTests(base.resolve(Long.toString(ProcessHandle.current().pid()))));
            stack.start();
            System.setProperty(STATE_PROPERTY, stack.stateFile().toString());
            Runtime.getRuntime().addShutdownHook(new StopOnExit(stack.stateFile()));
            return stack;
        }
    }

    /** Starts PostgreSQL, Redis and Kafka in parallel; returns when all three serve requests. */
    public synchronized Devstack start() {
        if (state != null && isRunning()) {
            return this;
        }
        if (options == null) {
            throw new IllegalStateException("An attached stack cannot be started again; create a new one");
        }
        long begin = System.nanoTime();
        try {
            prepareFolder();
            StackState fresh = StackState.create(options.dir())
                    .put("owner.pid", ProcessHandle.current().pid())
                    .put("persistent", options.persistent())
                    .put("cache.dir", options.cacheDir())
                    .put("kafka.jvm-options", options.kafkaJvmOptions())
                    .put("postgres.port", portOrFree(options.postgresPort()))
                    .put("redis.port", portOrFree(options.redisPort()))
                    .put("kafka.port", portOrFree(options.kafkaPort()))
                    .put("kafka.controller-port", portOrFree(options.kafkaControllerPort()))
                    .put("redis.binary", RedisProcess.binary(options.cacheDir()));
            state = fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare devstack folder " + options.dir(), e);
        }
        List<Future<?>> starts = List.of(
                inThread("devstack-postgres", this::startPostgres),
                inThread("devstack-redis", () -> { startRedis(); return null; }),
                inThread("devstack-kafka", () -> { startKafka(); return null; }),
                inThread("devstack-keys", () -> { JwtKeys.ensure(options.dir()); return null; }));
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> start : starts) {
            try {
                start.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            close();
            IllegalStateException failure = new IllegalStateException("Devstack did not start: " + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        log("stack ready in %d ms (%s)", millisSince(begin), options.dir());
        return this;
    }

    /** Stops Kafka, Redis and PostgreSQL, gracefully for persistent stacks; idempotent. */
    @Override
    public void close() {
        if (state == null) {
            return;
        }
        stopAll(state.refresh());
        if (state.file().toString().equals(System.getProperty(STATE_PROPERTY))) {
            System.clearProperty(STATE_PROPERTY);
        }
    }

    public boolean isRunning() {
        if (state == null) {
            return false;
        }
        state.refresh();
        return Stream.of(POSTGRES, REDIS, KAFKA).allMatch(name -> Processes.isAlive(pid(name)));
    }

    public boolean isRedisRunning() {
        return state != null && Processes.isAlive(pid(REDIS));
    }

    public boolean isKafkaRunning() {
        return state != null && Processes.isAlive(pid(KAFKA));
    }

    public void stopRedis() {
        long begin = System.nanoTime();
        RedisProcess.stop(pid(REDIS), persistent());
        state.put(pidKey(REDIS), 0);
        log("Redis stopped in %d ms", millisSince(begin));
    }

    /** For tests that stop Redis: whatever the test did, the next one finds it running. */
    public void ensureRedisRunning() {
        if (!isRedisRunning()) {
            startRedis();
        }
    }

    /** Starts Redis on the port it had before; with the local run's append-only file, its data comes back too. */
    public void startRedis() {
        long begin = System.nanoTime();
        requireStopped(REDIS);
        try {
            long pid = RedisProcess.start(Path.of(state.get("redis.binary")), redisPort(), dir().resolve("redis"),
                    persistent(), logDir().resolve("redis.log"));
            recordProcess(REDIS, pid, "redis-server");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Redis", e);
        }
        log("Redis ready on 127.0.0.1:%d in %d ms", redisPort(), millisSince(begin));
    }

    /** Stops the broker gracefully; its log dir is kept, so a restart serves the same topics and offsets. */
    public void stopKafka() {
        long begin = System.nanoTime();
        KafkaBroker.stop(pid(KAFKA), true);
        state.put(pidKey(KAFKA), 0);
        log("Kafka stopped in %d ms", millisSince(begin));
    }

    /** Starts the broker on the port it had before, with its data. */
    public void startKafka() {
        long begin = System.nanoTime();
        requireStopped(KAFKA);
        try {
            long pid = KafkaBroker.start(dir().resolve("kafka"), kafkaPort(), state.getInt("kafka.controller-port"),
                    state.get("kafka.jvm-options"), logDir().resolve("kafka.log"), cacheDir());
            recordProcess(KAFKA, pid, KafkaBroker.PROCESS_MARKER);
            state.put("kafka.cds-archive", KafkaBroker.sharedArchive(cacheDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka", e);
        }
        log("Kafka ready on 127.0.0.1:%d in %d ms", kafkaPort(), millisSince(begin));
    }

    /** Creates the database (with btree_gist and pg_stat_statements) unless it exists. */
    public void createDatabase(String name) {
        synchronized (JVM_WIDE_LOCK) { // CREATE DATABASE copies template1, which must not be in use meanwhile
            PostgresServer.createDatabase(postgresPort(), name);
        }
    }

    public String jdbcUrl(String database) {
        return PostgresServer.jdbcUrl(postgresPort(), database);
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + redisPort();
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort();
    }

    /** The public keys (JWKS) tokens of this stack are verified with, where a service does not fetch resolver's. */
    public Path jwksPath() {
        return dir().resolve(JwtKeys.JWKS_FILE);
    }

    /** resolver-service's signing key; tests sign their own tokens with it ({@code TestTokens}). */
    public Path privateKeyPath() {
        return signingKeyDir().resolve(JwtKeys.SIGNING_KEY_FILE);
    }

    /** The folder resolver-service reads its token keys from ({@code callbook.tokens.key-dir}). */
    public Path signingKeyDir() {
        return dir().resolve(JwtKeys.SIGNING_DIR);
    }

    /** The id of the signing key, as resolver-service publishes it. */
    public String signingKeyId() {
        try {
            return JwtKeys.keyId(privateKeyPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What only resolver-service gets: its signing keys and the secret it issues webhook-service's agent tokens for.
     * No other service of the stack is given a private key.
     */
    public Map<String, String> signingConfig() {
        return Map.of("callbook.tokens.key-dir", signingKeyDir().toString(),
                "callbook.tokens.agent-exchange-secret", agentExchangeSecret());
    }

    /** What webhook-service gets to ask resolver-service for its agent tokens. */
    public Map<String, String> agentExchangeConfig() {
        return Map.of("callbook.webhook.voice.agent-exchange-secret", agentExchangeSecret());
    }

    private String agentExchangeSecret() {
        try {
            return SecretsKey.ensure(dir(), SecretsKey.AGENT_EXCHANGE_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + SecretsKey.AGENT_EXCHANGE_FILE + " in " + dir(), e);
        }
    }

    /** Creates the service's database and returns the Quarkus configuration that points the service at this stack. */
    public Map<String, String> serviceConfig(String database) {
        createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("quarkus.redis.hosts", redisUrl());
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        // Public keys only: the signing key is resolver-service's alone (signingConfig()).
        config.put("mp.jwt.verify.publickey.location", jwksPath().toString());
        config.put("mp.jwt.verify.issuer", "callbook");
        config.put("quarkus.devservices.enabled", "false");
        try {
            config.put("callbook.secrets.key", SecretsKey.ensure(dir()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + SecretsKey.FILE + " in " + dir(), e);
        }
        return config;
    }

    public Path dir() {
        return requireState().dir();
    }

    public Path logDir() {
        return dir().resolve("logs");
    }

    public Path stateFile() {
        return requireState().file();
    }

    public int postgresPort() {
        return requireState().getInt("postgres.port");
    }

    public int redisPort() {
        return requireState().getInt("redis.port");
    }

    public int kafkaPort() {
        return requireState().getInt("kafka.port");
    }

    public long pid(String process) {
        return requireState().refresh().getLong(pidKey(process), 0);
    }

    /** Records a process of this stack (e.g. a service) so that a later start can stop it if its owner died. */
    public void recordProcess(String name, long pid, String commandMarker) {
        requireState().put(pidKey(name), pid).put("process." + name + ".marker", commandMarker);
    }

    // ---- internals ----

    private long startPostgres() throws IOException {
        long begin = System.nanoTime();
        long pid = PostgresServer.start(dir().resolve("postgres"), postgresPort(), persistent(),
                logDir().resolve("postgres.log"), cacheDir().resolve("pg"));
        recordProcess(POSTGRES, pid, "postgres");
        log("PostgreSQL ready on 127.0.0.1:%d in %d ms", postgresPort(), millisSince(begin));
        return pid;
    }

    /** Stops leftovers of a previous owner that died without cleaning up, then wipes throw-away data. */
    private void prepareFolder() throws IOException {
        stopLeftovers(options.dir());
        if (!options.persistent()) {
            deleteRecursively(options.dir());
        }
        Files.createDirectories(options.dir().resolve("logs"));
    }

    /**
     * Stops the processes recorded in the folder's state file by an owner that is gone (killed, crashed), so their
     * ports and data dirs are free again. Fails if the owner is still alive.
     *
     * @return how many processes were still running
     */
    public static int stopLeftovers(Path dir) {
        Path stateFile = dir.resolve(StackState.FILE_NAME);
        if (!Files.isRegularFile(stateFile)) {
            return 0;
        }
        StackState previous = StackState.load(stateFile);
        long owner = previous.getLong("owner.pid", 0);
        if (owner != ProcessHandle.current().pid() && Processes.isAlive(owner)) {
            throw new IllegalStateException("Devstack in " + dir + " is in use by process " + owner);
        }
        int running = (int) processNames(previous).stream()
                .filter(name -> isOurs(previous, name))
                .count();
        stopAll(previous);
        return running;
    }

    private static boolean isOurs(StackState state, String name) {
        return runningPid(state, name) > 0;
    }

    /** The pid of a recorded process that still runs and still is what was started (pids get recycled), else 0. */
    static long runningPid(StackState state, String name) {
        long pid = state.getLong(pidKey(name), 0);
        return Processes.isAlive(pid) && Processes.commandContains(pid, state.get("process." + name + ".marker", "")) ? pid : 0;
    }

    /** The names of the processes recorded in a state file (postgres, redis, kafka, service-...). */
    static List<String> recordedProcesses(StackState state) {
        return processNames(state);
    }

    /** Stops every recorded process that is still alive (and still is what we started), in parallel. */
    static void stopAll(StackState state) {
        boolean graceful = Boolean.parseBoolean(state.get("persistent", "false"));
        List<Map.Entry<String, Runnable>> stops = new ArrayList<>();
        for (String name : processNames(state)) {
            long pid = state.getLong(pidKey(name), 0);
            if (!isOurs(state, name)) {
                continue;
            }
            stops.add(Map.entry(name, () -> {
                switch (name) {
                    case POSTGRES -> PostgresServer.stop(pid, graceful);
                    case REDIS -> RedisProcess.stop(pid, graceful);
                    // killing is faster, but only a broker that exits normally writes its class data archive
                    case KAFKA -> KafkaBroker.stop(pid, graceful || !Files.exists(Path.of(state.get("kafka.cds-archive", "/"))));
                    default -> Processes.stop(pid, graceful ? "TERM" : "KILL", Duration.ofSeconds(20));
                }
            }));
        }
        Processes.inParallel("devstack-stop-", stops);
        for (String name : processNames(state)) {
            state.put(pidKey(name), 0);
        }
    }

    private static List<String> processNames(StackState state) {
        List<String> names = new ArrayList<>();
        for (String key : state.keys()) {
            if (key.startsWith("process.") && key.endsWith(".pid")) {
                names.add(key.substring("process.".length(), key.length() - ".pid".length()));
            }
        }
        return names;
    }

    /** Per-JVM test stacks whose JVM is gone (killed test runs): stop their processes and delete them. */
    private static void removeAbandonedStacks(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path dir : dirs.toList()) {
                Path stateFile = dir.resolve(StackState.FILE_NAME);
                long owner = dir.getFileName().toString().matches("\\d+") ? Long.parseLong(dir.getFileName().toString()) : 0;
                if (owner == ProcessHandle.current().pid() || (owner > 0 && Processes.isAlive(owner))) {
                    continue;
                }
                if (Files.isRegularFile(stateFile)) {
                    stopAll(StackState.load(stateFile));
                }
                deleteRecursively(dir);
            }
        } catch (IOException | RuntimeException e) {
            log("could not clean up old stacks in %s: %s", base, e.getMessage());
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void requireStopped(String name) {
        long pid = pid(name);
        if (Processes.isAlive(pid)) {
            throw new IllegalStateException(name + " is already running (pid " + pid + ")");
        }
    }

    private StackState requireState() {
        if (state == null) {
            throw new IllegalStateException("Devstack not started");
        }
        return state;
    }

    private boolean persistent() {
        return requireState().getBoolean("persistent");
    }

    private Path cacheDir() {
        return Path.of(requireState().get("cache.dir"));
    }

    private static String pidKey(String name) {
        return "process." + name + ".pid";
    }

    private static int portOrFree(int port) {
        return port > 0 ? port : Ports.free();
    }

    private static <T> Future<T> inThread(String name, Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(future, name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    static void log(String format, Object... args) {
        if (!Boolean.getBoolean("callbook.devstack.quiet")) {
            System.out.println("[devstack] " + String.format(format, args));
        }
    }

    /** Stops the shared stack when the JVM exits. Reads the state file then, since pids change on restarts. */
    private static final class StopOnExit extends Thread {
        private final Path stateFile;

        StopOnExit(Path stateFile) {
            super("devstack-shutdown");
            this.stateFile = stateFile;
        }

        @Override
        public void run() {
            if (Files.isRegularFile(stateFile)) {
                stopAll(StackState.load(stateFile));
            }
        }
    }
}
