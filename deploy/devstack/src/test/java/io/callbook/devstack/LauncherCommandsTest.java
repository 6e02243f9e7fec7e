package io.callbook.devstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./callbook status, token, down and the service ports, against stand-ins: no real stack or service is started. */
class LauncherCommandsTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final List<InstanceLock> locks = new ArrayList<>();

    @AfterEach
    void stopStandIns() {
        servers.forEach(server -> server.stop(0));
        processes.forEach(Process::destroyForcibly);
        locks.forEach(InstanceLock::close);
    }

    @Test
    void servicePortsAreSetLikeTheInfrastructurePorts() {
        Properties properties = new Properties();
        properties.setProperty("callbook.resolver.port", "18081");
        properties.setProperty("callbook.perf-ops.port", "18084");

        List<LocalService> services = LocalService.configured(properties);

        assertEquals(List.of(18081, 8082, 8083, 18084), services.stream().map(LocalService::port).toList());
        assertEquals("http://localhost:18081", LocalService.named(services, "resolver-service").orElseThrow().url());
        properties.setProperty("callbook.booking.port", "eighty");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> LocalService.configured(properties));
        assertTrue(wrong.getMessage().contains("-Dcallbook.booking.port"), wrong.getMessage());
    }

    @Test
    void webhookServiceCallsResolverAndBookingAtThePortsOfThisRun() {
        Properties properties = new Properties();
        properties.setProperty("callbook.resolver.port", "18081");
        List<LocalService> services = LocalService.configured(properties);

        assertEquals(Map.of("quarkus.rest-client.resolver.url", "http://127.0.0.1:18081",
                        "quarkus.rest-client.booking.url", "http://127.0.0.1:8082"),
                LocalSuite.restClientUrls(LocalService.named(services, "webhook").orElseThrow(), services));
        assertEquals(Map.of(), LocalSuite.restClientUrls(LocalService.named(services, "resolver").orElseThrow(), services));
    }

    @Test
    void onlyResolverServiceGetsTheSigningKeyTheOthersItsPublishedKeys(@TempDir Path home) throws IOException {
        List<LocalService> services = LocalService.configured(new Properties());
        JwtKeys.ensure(home);
        // An attached stack answers from its state file; this one only needs its folder.
        Devstack keys = Devstack.attach(StackState.create(home).put("owner.pid", 0).file());

        Map<String, String> resolver = LocalSuite.tokenConfig(LocalService.named(services, "resolver").orElseThrow(),
                services, keys, "cbk_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assertEquals(home.resolve("jwt-signing").toString(), resolver.get("callbook.tokens.key-dir"));
        assertEquals("cbk_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", resolver.get("callbook.auth.bootstrap-api-key"));
        for (String other : List.of("booking", "webhook", "perf-ops")) {
            Map<String, String> config = LocalSuite.tokenConfig(LocalService.named(services, other).orElseThrow(),
                    services, keys, "cbk_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
            assertEquals("http://127.0.0.1:8081/.well-known/jwks.json", config.get("mp.jwt.verify.publickey.location"));
            assertFalse(config.containsKey("callbook.tokens.key-dir"), other);
            assertFalse(config.containsKey("callbook.auth.bootstrap-api-key"), other);
            assertEquals(other.equals("webhook"), config.containsKey("callbook.webhook.voice.agent-exchange-secret"), other);
        }
    }

    @Test
    void aPortSetForTwoPartsIsRefusedBeforeAnythingStarts(@TempDir Path home) {
        DevstackOptions options = DevstackOptions.local(home);
        assertEquals(List.of(), LocalSuite.portClashes(options, LocalService.DEFAULTS));

        Properties properties = new Properties();
        properties.setProperty("callbook.booking.port", Integer.toString(options.postgresPort()));
        List<String> clashes = LocalSuite.portClashes(options, LocalService.configured(properties));

        assertEquals(1, clashes.size(), clashes.toString());
        assertTrue(clashes.get(0).contains("PostgreSQL") && clashes.get(0).contains("booking-service (-Dcallbook.booking.port)"),
                clashes.get(0));
    }

    @Test
    void aPortOnAnotherServicesManagementPortIsRefused(@TempDir Path home) {
        DevstackOptions options = DevstackOptions.local(home);
        Properties properties = new Properties();
        properties.setProperty("callbook.resolver.port", "9082");

        List<String> clashes = LocalSuite.portClashes(options, LocalService.configured(properties));

        assertEquals(1, clashes.size(), clashes.toString());
        assertTrue(clashes.get(0).contains("resolver-service (-Dcallbook.resolver.port)")
                && clashes.get(0).contains("booking-service's management interface"), clashes.get(0));
    }

    @Test
    void suiteStateReadsBackAsWritten(@TempDir Path home) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("resolver-service", 18081);
        ports.put("webhook-service", 18083);
        SuiteState state = new SuiteState(42, SuiteState.Phase.STARTING, Instant.parse("2026-12-02T06:00:00Z"), true, ports);

        state.withPhase(SuiteState.Phase.UP).write(home);

        assertEquals(Optional.of(state.withPhase(SuiteState.Phase.UP)), SuiteState.read(home));
        assertEquals(List.of("resolver-service", "webhook-service"), List.copyOf(SuiteState.read(home).orElseThrow().servicePorts().keySet()));
    }

    @Test
    void statusSaysWhenNothingRunsAndNamesLeftovers(@TempDir Path root) throws Exception {
        Output out = new Output();
        assertEquals(3, SuiteStatus.report(root, out.stream));
        assertEquals("Callbook is not running.", out.text().trim());

        Process leftover = sleeper();
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor();
        StackState.create(root.resolve(".callbook"))
                .put("owner.pid", deadOwner.pid())
                .put("process.redis.pid", leftover.pid())
                .put("process.redis.marker", "sleep");
        Output again = new Output();
        assertEquals(3, SuiteStatus.report(root, again.stream));
        assertTrue(again.text().contains("Left over from a run that did not stop cleanly: redis (pid " + leftover.pid() + ")"),
                again.text());
    }

    @Test
    void statusShowsPortsPidsAndEachServicesReadiness(@TempDir Path root) throws Exception {
        Path home = root.resolve(".callbook");
        holdLock(home);
        // health is on each service's management port, its HTTP port + 1000
        int resolver = healthServer(200, "{\"status\":\"UP\",\"checks\":[]}") - LocalService.MANAGEMENT_OFFSET;
        int booking = healthServer(503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"Redis connection health check\",\"status\":\"DOWN\"},"
                + "{\"name\":\"Database connections health check\",\"status\":\"UP\"}]}") - LocalService.MANAGEMENT_OFFSET;
        int webhook = Ports.free(); // nothing listens
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("resolver-service", resolver);
        ports.put("booking-service", booking);
        ports.put("webhook-service", webhook);
        new SuiteState(ProcessHandle.current().pid(), SuiteState.Phase.UP, Instant.now(), true, ports).write(home);
        Process postgres = sleeper();
        StackState.create(home)
                .put("postgres.port", 56432).put("redis.port", 57379).put("kafka.port", 60092)
                .put("process.postgres.pid", postgres.pid()).put("process.postgres.marker", "sleep");

        Output out = new Output();
        int exitCode = SuiteStatus.report(root, out.stream);

        String text = out.text();
        assertEquals(1, exitCode, text);
        assertTrue(text.startsWith("Callbook is up (pid " + ProcessHandle.current().pid() + ", in the background, since "), text);
        assertTrue(text.contains("PostgreSQL        127.0.0.1:56432  running (pid " + postgres.pid() + ")"), text);
        assertTrue(text.contains("Redis             127.0.0.1:57379  not running"), text);
        assertTrue(text.contains("resolver-service  http://localhost:" + resolver), text);
        assertTrue(line(text, "resolver-service").endsWith(" ready"), text);
        assertTrue(line(text, "booking-service").endsWith(" not ready (503: Redis connection health check)"), text);
        assertTrue(line(text, "webhook-service").endsWith(" not running (see .callbook/logs/webhook-service.log)"), text);
        assertTrue(line(text, "perf-ops-service").endsWith(" not started (not built when this run started)"), text);
    }

    @Test
    void tokenNeedsARunningSuite(@TempDir Path root) {
        Output out = new Output();
        Output err = new Output();
        assertEquals(1, SuiteToken.print(root, "tenant", out.stream, err.stream));
        assertEquals("", out.text());
        assertTrue(err.text().startsWith("Callbook is not running: start it with ./callbook up"), err.text());
        assertEquals(2, SuiteToken.print(root, "root", out.stream, err.stream));
    }

    @Test
    void tokenIsMadeByTheRunningResolverFromTheDemoTenantsOrTheBootstrapKey(@TempDir Path root) throws Exception {
        Path home = root.resolve(".callbook");
        holdLock(home);
        HttpServer resolver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        resolver.createContext("/v1/tokens", exchange -> {
            String apiKey = ServiceApi.JSON.readTree(exchange.getRequestBody()).path("apiKey").asText();
            byte[] body = ("{\"accessToken\":\"token-of-" + apiKey + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        start(resolver);
        new SuiteState(ProcessHandle.current().pid(), SuiteState.Phase.UP, Instant.now(), false,
                Map.of("resolver-service", resolver.getAddress().getPort())).write(home);
        Files.writeString(home.resolve("demo.json"), "{\"tenantApiKey\":{\"key\":\"cbk_tenant\"}}");
        Files.writeString(home.resolve("bootstrap.key"), "cbk_platform\n");

        Output tenant = new Output();
        assertEquals(0, SuiteToken.print(root, "tenant", tenant.stream, System.err));
        assertEquals("token-of-cbk_tenant\n", tenant.text());
        Output admin = new Output();
        assertEquals(0, SuiteToken.print(root, "admin", admin.stream, System.err));
        assertEquals("token-of-cbk_platform\n", admin.text());
    }

    @Test
    void downStopsARunOfAnotherProcessAsCtrlCWouldAndWaitsUntilItIsGone(@TempDir Path root) throws Exception {
        Process launcher = new ProcessBuilder(Processes.javaExecutable().toString(), "-cp", System.getProperty("java.class.path"),
                StandInLauncher.class.getName(), root.resolve(".callbook").toString())
                .redirectErrorStream(true).start();
        processes.add(launcher);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("holding the lock", reader.readLine());
        }

        Output out = new Output();
        assertEquals(0, SuiteStop.run(root, out.stream, Duration.ofSeconds(30)));

        assertFalse(launcher.isAlive());
        assertTrue(out.text().contains("Stopping Callbook...") && out.text().contains("Callbook stopped."), out.text());
        Output again = new Output();
        assertEquals(0, SuiteStop.run(root, again.stream, Duration.ofSeconds(30)));
        assertEquals("Callbook is not running.", again.text().trim());
    }

    @Test
    void theLaunchersOutputReachesItsLogAlsoWhenTheTerminalIsGone() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(new LocalSuite.Tee(terminal, log), true, StandardCharsets.UTF_8)) {
            out.println("Starting Callbook");
        }
        assertEquals("Starting Callbook\n", terminal.toString(StandardCharsets.UTF_8));
        assertEquals("Starting Callbook\n", log.toString(StandardCharsets.UTF_8));

        java.io.OutputStream closedTerminal = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream laterLog = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new LocalSuite.Tee(closedTerminal, laterLog), true, StandardCharsets.UTF_8);
        out.println("Stopping Callbook...");
        assertEquals("Stopping Callbook...\n", laterLog.toString(StandardCharsets.UTF_8));
        assertFalse(out.checkError());
    }

    /** Takes the lock as ./callbook up does; its shutdown hook takes a moment and writes to the launcher log. */
    static final class StandInLauncher {
        public static void main(String[] args) throws Exception {
            Path home = Path.of(args[0]);
            InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
            Path log = home.resolve("logs").resolve(LocalSuite.LOG_FILE);
            Files.createDirectories(log.getParent());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(log, "Stopping Callbook...\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Thread.sleep(700);
                    Files.writeString(log, "Callbook stopped. (700 ms)\n", StandardOpenOption.APPEND);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                lock.close();
            }));
            System.out.println("holding the lock");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }
    }

    private void holdLock(Path home) throws IOException {
        locks.add(InstanceLock.tryAcquire(home).orElseThrow());
    }

    private int healthServer(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        start(server);
        return server.getAddress().getPort();
    }

    private void start(HttpServer server) {
        server.start();
        servers.add(server);
    }

    private Process sleeper() throws IOException {
        Process process = new ProcessBuilder("sleep", "60").start();
        processes.add(process);
        return process;
    }

    private static String line(String text, String start) {
        return text.lines().map(String::strip).filter(l -> l.startsWith(start)).findFirst().orElse("(no line " + start + ")");
    }

    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
