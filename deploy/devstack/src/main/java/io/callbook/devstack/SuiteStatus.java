package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code ./callbook status}: whether a local run is up, its infrastructure and ports, and each service's readiness. */
final class SuiteStatus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private record Infrastructure(String process, String label, String portKey) {
    }

    private static final List<Infrastructure> INFRASTRUCTURE = List.of(
            new Infrastructure(Devstack.POSTGRES, "PostgreSQL", "postgres.port"),
            new Infrastructure(Devstack.REDIS, "Redis", "redis.port"),
            new Infrastructure(Devstack.KAFKA, "Kafka", "kafka.port"));

    private SuiteStatus() {
    }

    /** @return 0 when the run is up and every service it started is ready, 1 when not, 3 when nothing runs */
    static int report(Path root, PrintStream out) {
        Path home = root.resolve(".callbook");
        Optional<StackState> stack = stackState(home);
        if (!InstanceLock.isHeld(home)) {
            out.println("Callbook is not running.");
            List<String> leftovers = stack.map(SuiteStatus::running).orElse(List.of());
            if (!leftovers.isEmpty()) {
                out.println("Left over from a run that did not stop cleanly: " + String.join(", ", leftovers)
                        + ". ./callbook down (or the next ./callbook up) stops them.");
            }
            return 3;
        }
        OptionalLong pid = InstanceLock.holder(home);
        Optional<SuiteState> suite = SuiteState.read(home)
                .filter(state -> pid.isPresent() && state.launcherPid() == pid.getAsLong());
        out.println(headline(pid, suite));
        if (suite.isEmpty() || stack.isEmpty()) {
            return 1; // just started: nothing recorded yet
        }
        out.println();
        out.println("Infrastructure");
        for (Infrastructure part : INFRASTRUCTURE) {
            long running = Devstack.runningPid(stack.get(), part.process());
            out.printf("  %-17s 127.0.0.1:%-6s %s%n", part.label(), stack.get().get(part.portKey(), "?"),
                    running > 0 ? "running (pid " + running + ")" : "not running");
        }
        out.println();
        out.println("Services");
        boolean allReady = suite.get().phase() == SuiteState.Phase.UP;
        for (LocalService service : LocalService.DEFAULTS) {
            Integer port = suite.get().servicePorts().get(service.module());
            if (port == null) {
                out.printf("  %-17s not started (not built when this run started)%n", service.module());
                continue;
            }
            long servicePid = Devstack.runningPid(stack.get(), "service-" + service.module());
            String health = health(service.withPort(port).managementPort(), servicePid, home.resolve("logs").resolve(service.module() + ".log"), root);
            allReady &= health.startsWith("ready");
            out.printf("  %-17s %-24s %s%n", service.module(), service.withPort(port).url(), health);
        }
        out.println();
        out.println("Logs in " + root.relativize(home.resolve("logs")) + "/ (./callbook logs [service])");
        return allReady ? 0 : 1;
    }

    private static String headline(OptionalLong pid, Optional<SuiteState> suite) {
        String who = pid.isPresent() ? "pid " + pid.getAsLong() : "pid unknown";
        if (suite.isEmpty()) {
            return "Callbook is starting (" + who + ").";
        }
        SuiteState state = suite.get();
        String where = state.detached() ? "in the background" : "in a terminal";
        return switch (state.phase()) {
            case STARTING -> "Callbook is starting (" + who + ", " + where + ", since " + since(state.startedAt()) + ").";
            case UP -> "Callbook is up (" + who + ", " + where + ", since " + since(state.startedAt()) + ").";
            case STOPPING, STOPPED -> "Callbook is stopping (" + who + ").";
        };
    }

    private static String since(Instant startedAt) {
        String time = LocalTime.ofInstant(startedAt, ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        long minutes = Duration.between(startedAt, Instant.now()).toMinutes();
        return time + (minutes >= 1 ? ", " + minutes + " min" : "");
    }

    /**
     * The service's /q/health/ready (on its management port) in a few words: "ready", "not ready (503: checks that are
     * down)", "not running".
     */
    static String health(int managementPort, long pid, Path logFile, Path root) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String pidNote = pid > 0 ? " (pid " + pid + ")" : "";
            if (response.statusCode() == 200) {
                return "ready" + pidNote;
            }
            List<String> down = downChecks(response.body());
            return "not ready" + pidNote + " (" + response.statusCode() + (down.isEmpty() ? "" : ": " + String.join(", ", down)) + ")";
        } catch (IOException e) {
            return pid > 0 ? "not answering yet (pid " + pid + ")"
                    : "not running (see " + root.relativize(logFile) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not checked";
        }
    }

    private static List<String> downChecks(String body) {
        List<String> names = new ArrayList<>();
        try {
            for (JsonNode check : ServiceApi.JSON.readTree(body).path("checks")) {
                if (!"UP".equals(check.path("status").asText())) {
                    names.add(check.path("name").asText());
                }
            }
        } catch (IOException e) {
            // not the health JSON: the status code says enough
        }
        return names;
    }

    private static List<String> running(StackState state) {
        List<String> running = new ArrayList<>();
        for (String name : Devstack.recordedProcesses(state)) {
            long pid = Devstack.runningPid(state, name);
            if (pid > 0) {
                running.add(name + " (pid " + pid + ")");
            }
        }
        return running;
    }

    static Optional<StackState> stackState(Path home) {
        Path file = home.resolve(StackState.FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(StackState.load(file)) : Optional.empty();
    }
}
