package io.callbook.loadtest.peers;

import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.Pause;
import io.callbook.loadtest.harness.WatchedProcess;
import io.callbook.loadtest.resolve.SeededNumber;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The static and PHP peers: nginx, PHP-FPM and a Redis seeded with the bench's numbers, each started by this bench as
 * the current user, on free ports, with their configuration, socket and logs in one folder, and stopped by
 * {@link #close()} (or when the JVM exits).
 */
final class PeerServers implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration STARTING_POLL = Duration.ofMillis(100);

    private final Path dir;
    private final int staticPort;
    private final int phpPort;
    private final List<Process> processes = new ArrayList<>();
    private final Thread stopOnExit = new Thread(this::close, "stop-peer-servers");
    private Process nginx;
    private Process phpFpm;
    private Process redis;

    private PeerServers(Path dir, int staticPort, int phpPort) {
        this.dir = dir;
        this.staticPort = staticPort;
        this.phpPort = phpPort;
    }

    /**
     * @param numbers     what Redis is seeded with; the static file is the first one's answer
     * @param phpChildren PHP-FPM's workers (pm = static)
     */
    static PeerServers start(PeerTools tools, Path dir, List<SeededNumber> numbers, int phpChildren, PrintStream out) {
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("No numbers for the peers to answer");
        }
        PeerServers servers = new PeerServers(dir.toAbsolutePath(), freePort(), freePort());
        Runtime.getRuntime().addShutdownHook(servers.stopOnExit);
        try {
            servers.startAll(tools, numbers, phpChildren, freePort(), out);
            return servers;
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    String staticUrl() {
        return "http://127.0.0.1:" + staticPort;
    }

    String phpUrl() {
        return "http://127.0.0.1:" + phpPort;
    }

    /** The processes that answer the static peer: nginx's master and workers. */
    List<WatchedProcess> staticProcesses() {
        return List.of(nginxProcess());
    }

    /** The processes that answer the PHP peer: nginx, PHP-FPM's master and workers, and Redis. */
    List<WatchedProcess> phpProcesses() {
        return List.of(nginxProcess(), new WatchedProcess("php-fpm", phpFpm.pid(), true, false),
                new WatchedProcess("peer redis", redis.pid(), false, false));
    }

    private WatchedProcess nginxProcess() {
        return new WatchedProcess("nginx", nginx.pid(), true, false);
    }

    private void startAll(PeerTools tools, List<SeededNumber> numbers, int phpChildren, int redisPort, PrintStream out) {
        long begin = System.nanoTime();
        boolean root = "root".equals(System.getProperty("user.name"));
        Map<String, String> values = Map.of(
                "dir", dir.toString(),
                "user", root ? "root" : System.getProperty("user.name"),
                "static_port", Integer.toString(staticPort),
                "php_port", Integer.toString(phpPort),
                "redis_port", Integer.toString(redisPort),
                "children", Integer.toString(phpChildren));
        try {
            Files.createDirectories(dir.resolve("nginx-temp"));
            Files.writeString(dir.resolve("resolve.json"), PeerAnswers.answer(numbers.get(0)));
            Files.write(dir.resolve("redis-seed.resp"), PeerAnswers.redisCommands(numbers));
            writeTemplate("resolve.php", values);
            writeTemplate("php-fpm.conf", values);
            // nginx warns about a user directive unless it runs as root, and as root it needs one to keep its workers root
            writeTemplate("nginx.conf", Map.of("user", root ? "user root;" : ""), values);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the peers' files into " + dir, e);
        }

        redis = start("redis", List.of(tools.redisServer().toString(), "--port", Integer.toString(redisPort), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        awaitPort(redisPort, redis, "redis");
        seedRedis(tools, redisPort, numbers.size());
        List<String> fpm = new ArrayList<>(List.of(tools.phpFpm().toString(), "--nodaemonize", "--fpm-config",
                dir.resolve("php-fpm.conf").toString()));
        if (root) {
            fpm.add("--allow-to-run-as-root");
        }
        phpFpm = start("php-fpm", fpm);
        nginx = start("nginx", List.of(tools.nginx().toString(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString(), "-e", dir.resolve("nginx-error.log").toString()));
        awaitAnswer(staticUrl(), "/v1/resolve", "static");
        awaitAnswer(phpUrl(), "/v1/resolve?number=" + numbers.get(0).e164().replace("+", "%2B"), "php");
        out.printf("Peers: nginx (static %s, php %s), PHP-FPM with %d workers, Redis on %d with %d numbers; ready in %d ms"
                        + " (%s)%n", staticUrl(), phpUrl(), phpChildren, redisPort, numbers.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), dir);
    }

    private void writeTemplate(String name, Map<String, String> values) throws IOException {
        writeTemplate(name, Map.of(), values);
    }

    /** @param overrides values that differ for this file only */
    private void writeTemplate(String name, Map<String, String> overrides, Map<String, String> values) throws IOException {
        String text;
        try (InputStream template = PeerServers.class.getResourceAsStream("/peers/" + name)) {
            if (template == null) {
                throw new IllegalStateException("No template peers/" + name + " on the class path");
            }
            text = new String(template.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", overrides.getOrDefault(value.getKey(), value.getValue()));
        }
        Files.writeString(dir.resolve(name), text);
    }

    /** Redis's own bulk loading: the protocol file piped through redis-cli. */
    private void seedRedis(PeerTools tools, int redisPort, int numbers) {
        try {
            Process pipe = new ProcessBuilder(tools.redisCli().toString(), "-h", "127.0.0.1", "-p", Integer.toString(redisPort),
                    "--pipe").redirectInput(dir.resolve("redis-seed.resp").toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis-seed.log").toFile()).start();
            if (!pipe.waitFor(60, TimeUnit.SECONDS) || pipe.exitValue() != 0) {
                throw new IllegalStateException("Seeding Redis with " + numbers + " numbers failed: "
                        + Files.readString(dir.resolve("redis-seed.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run redis-cli", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding Redis", e);
        }
    }

    private Process start(String name, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".out").toFile()).start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    private void awaitPort(int port, Process process, String name) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                checkAlive(process, name);
                Pause.sleep(STARTING_POLL, "the peers start");
            }
        }
        throw new IllegalStateException(name + " did not listen on " + port + " within " + START_TIMEOUT.toSeconds() + " s");
    }

    private void awaitAnswer(String baseUrl, String path, String peer) {
        ApiClient server = ApiClient.anonymous(baseUrl);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            checkAlive(nginx, "nginx");
            checkAlive(phpFpm, "php-fpm");
            try {
                ApiClient.Answer answer = server.get(path);
                if (answer.status() == 200) {
                    return;
                }
                last = answer.status() + " " + answer.body();
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Pause.sleep(STARTING_POLL, "the peers start");
        }
        throw new IllegalStateException("The " + peer + " peer did not answer 200 on " + baseUrl + path + " within "
                + START_TIMEOUT.toSeconds() + " s (last: " + last + "); logs in " + dir);
    }

    private void checkAlive(Process process, String name) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + dir.resolve(name + ".out")
                    + " and the logs beside it");
        }
    }

    /**
     * SIGTERM: nginx, PHP-FPM and Redis each stop their workers and exit at once; whatever outlives the grace is
     * killed, workers included.
     */
    @Override
    public synchronized void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : processes) {
            process.descendants().forEach(all::add);
            all.add(process.toHandle());
            process.destroy();
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: this is the hook
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
