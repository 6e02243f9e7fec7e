package io.callbook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running in its own JVM, configured with
 * {@code -D} system properties. Used by the local run and by tests that need several instances of a service.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String DEFAULT_MAX_HEAP = "256m";
    /**
     * C1 only: here four services, the infrastructure and a load generator share two cores, and C2 spent a third of a
     * service's CPU for its first minutes (42 s of webhook-service's 117 s) and ~170 MB of its RSS, while a voice
     * function cost the same after six minutes either way (docs/adr/0017-c1-for-the-local-suite.md). A flag in
     * -Dcallbook.service.jvm-options comes later and wins, e.g. -XX:TieredStopAtLevel=4 for C2.
     */
    static final List<String> JIT_FLAGS = List.of("-XX:TieredStopAtLevel=1");
    /**
     * As in the container images: a JVM out of heap loses threads at random (a Kafka consumer's heartbeat, the span
     * exporter) and goes on half-working; one that exits is reported at once (here by the launcher, in a cluster by
     * its restart).
     */
    static final List<String> OUT_OF_MEMORY_FLAGS = List.of("-XX:+ExitOnOutOfMemoryError");
    /**
     * As in the container images: Quarkus's worker threads are Netty threads, so each one that writes a response gets
     * a cache of freed buffers in both of the process's pooled allocators, 256 slots for every small size and heap
     * caches besides, though nothing here takes pooled heap buffers. With the 200 workers webhook-service grows under
     * load that was 22-31 MB of its live heap; these sizes leave about 1 MB and cost no CPU that the benches could see
     * (docs/benchmarks.md, "Netty's buffer caches per thread").
     */
    static final List<String> NETTY_ALLOCATOR_FLAGS = List.of("-Dio.netty.allocator.numHeapArenas=0",
            "-Dio.netty.allocator.smallCacheSize=32", "-Dio.netty.allocator.normalCacheSize=16");
    /** Seconds a service may take to report started: generous, since a busy two-core CI box or AOT training takes minutes. */
    static final String STARTUP_TIMEOUT_PROPERTY = "callbook.service.startup-timeout";
    private static final long DEFAULT_STARTUP_TIMEOUT_SECONDS = 180;

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Duration stopTimeout;
    /** A test that forgets stop() must not leave a JVM behind. */
    private final Thread stopOnExit;

    private ServiceProcess(String name, Process process, int port, int managementPort, Path logFile, Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
        long pid = process.pid();
        this.stopOnExit = new Thread(() -> Processes.stop(pid, "TERM", stopTimeout), "stop-" + name);
    }

    /**
     * Starts the service with -Xmx256m, its management interface (health, metrics, API docs) on a free port, and waits
     * until /q/health/started answers 200 there.
     */
    public static ServiceProcess start(String name, Path runnerJar, int port, Map<String, String> config, Path logFile) {
        return start(name, runnerJar, port, Ports.free(), config, logFile, DEFAULT_MAX_HEAP, List.of());
    }

    /**
     * @param managementPort port of its management interface, where /q/health, /q/metrics and /q/openapi are
     * @param maxHeap        value of -Xmx, e.g. "256m"
     * @param extraJvmFlags  more JVM flags, e.g. {@code -XX:+UseSerialGC}
     */
    public static ServiceProcess start(String name, Path runnerJar, int port, int managementPort,
                                       Map<String, String> config, Path logFile, String maxHeap,
                                       List<String> extraJvmFlags) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalArgumentException(name + ": no " + runnerJar + " (build it with ./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable().toString());
        command.add(processMarker(name)); // first, so it is found however long the command line
        command.addAll(jvmFlags(maxHeap, extraJvmFlags));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        if (!config.containsKey(JSON_LOGS)) {
            command.add("-D" + JSON_LOGS + "=false"); // a person reads these logs; in a cluster a collector does
        }
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (isSecret(key)) {
                environment.put(environmentName(key), value);
            } else {
                command.add("-D" + key + "=" + value);
            }
        });
        command.add("-jar");
        command.add(runnerJar.toAbsolutePath().toString());
        Process process;
        try {
            process = Processes.startDetached(command, environment, runnerJar.toAbsolutePath().getParent(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        // A JVM training its AOT cache writes it on the way out, which takes a while on a small machine (~25 s here,
        // over a minute after a long run with a large heap).
        Duration stopTimeout = extraJvmFlags.stream().anyMatch(flag -> flag.startsWith("-XX:AOTCacheOutput="))
                ? Duration.ofSeconds(180) : Duration.ofSeconds(20);
        ServiceProcess service = new ServiceProcess(name, process, port, managementPort, logFile, stopTimeout);
        Runtime.getRuntime().addShutdownHook(service.stopOnExit);
        recordInSharedStack(name, process.pid());
        service.awaitStarted();
        return service;
    }

    /** The heap, then the suite's own flags, then the caller's, which come last and so win. */
    static List<String> jvmFlags(String maxHeap, List<String> extraJvmFlags) {
        List<String> flags = new ArrayList<>();
        flags.add("-Xmx" + maxHeap);
        flags.addAll(JIT_FLAGS);
        flags.addAll(OUT_OF_MEMORY_FLAGS);
        flags.addAll(NETTY_ALLOCATOR_FLAGS);
        flags.addAll(extraJvmFlags);
        return flags;
    }

    static final String JSON_LOGS = "quarkus.log.console.json.enabled";

    /**
     * Passwords and keys go to the service through its environment, never its command line: any user of the machine
     * can read a command line (ps), only the owner and root a process's environment.
     */
    static boolean isSecret(String key) {
        String name = key.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith("password") || name.endsWith("secret") || name.endsWith("api-key")
                || name.endsWith(".key");
    }

    /** The environment variable MicroProfile Config reads for a property: e.g. CALLBOOK_AUTH_BOOTSTRAP_API_KEY. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** Tells this service's JVM apart from any other process (pids get recycled). */
    public static String processMarker(String name) {
        return "-Dcallbook.process=" + name;
    }

    /** Splits a space-separated option string (e.g. from -Dcallbook.service.jvm-options); empty when null. */
    public static List<String> jvmOptions(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Base URL of its management interface: {@code /q/health/*}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL after 20 s (3 min while it writes an AOT cache). */
    public void stop() {
        Processes.stop(process.pid(), "TERM", stopTimeout);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    /**
     * Sends SIGTERM and returns at once, for a test that watches the service shut down ({@link #onExit()});
     * {@link #stop()} still makes sure it ends.
     */
    public void terminate() {
        Processes.signal(process.pid(), "TERM");
    }

    /**
     * With a shared test stack in this JVM, the service is recorded in its state file, so that the next test run
     * stops it should this JVM be killed before it could.
     */
    private static void recordInSharedStack(String name, long pid) {
        String stateFile = System.getProperty(Devstack.STATE_PROPERTY);
        if (stateFile != null && Files.isRegularFile(Path.of(stateFile))) {
            Devstack.attach(Path.of(stateFile)).recordProcess("service-" + name + "-" + pid, pid, processMarker(name));
        }
    }

    /**
     * For an owner whose own shutdown hook stops this service: JVM shutdown hooks run all at once, so this service's
     * own hook would stop it beside the others, whatever order the owner chose.
     */
    void leaveStopToOwner() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    @Override
    public void close() {
        stop();
    }

    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    private void awaitStarted() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/started"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        Duration startupTimeout = Duration.ofSeconds(Long.getLong(STARTUP_TIMEOUT_PROPERTY, DEFAULT_STARTUP_TIMEOUT_SECONDS));
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; "
                        + logFile + ":\n" + Processes.tail(logFile, 40));
            }
            try {
                lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("Interrupted while " + name + " was starting", e);
            }
            Processes.sleep(100);
        }
        stop();
        throw new IllegalStateException(name + " did not report started within " + startupTimeout.toSeconds()
                + " s (last status " + lastStatus + "; -D" + STARTUP_TIMEOUT_PROPERTY + "=<seconds> gives it longer); "
                + logFile + ":\n" + Processes.tail(logFile, 40));
    }
}
