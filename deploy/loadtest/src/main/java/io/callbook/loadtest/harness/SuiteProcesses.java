package io.callbook.loadtest.harness;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * The local suite's processes on this machine, besides the one a bench targets: Callbook's services on their usual
 * ports, found by the devstack's marker ({@link ServicePids}), and the devstack's PostgreSQL (with its backends), Redis
 * and Kafka broker, from the stack's state file {@code .callbook/state.properties}. Whatever runs is measured, so a
 * run shows what the whole machine spent on it: the voice functions, for one, drive webhook → resolver → booking.
 */
public final class SuiteProcesses {

    private static final List<Infrastructure> INFRASTRUCTURE = List.of(
            new Infrastructure("postgres", "pg", true),
            new Infrastructure("redis", "redis", false),
            new Infrastructure("kafka", "kafka", false));

    /**
     * @param process      the devstack's name: its state holds {@code process.<process>.pid} and {@code .marker}
     * @param withChildren PostgreSQL works in a backend process per connection
     */
    private record Infrastructure(String process, String name, boolean withChildren) {
    }

    private SuiteProcesses() {
    }

    /** In table order: services, then PostgreSQL, Redis, Kafka; what does not run is left out. */
    public static List<WatchedProcess> find(Path repoRoot) {
        List<WatchedProcess> found = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            ServicePids.find(service.module(), service.port()).ifPresent(pid -> found.add(WatchedProcess.service(service.shortName(), pid)));
        }
        Properties state = stackState(repoRoot.resolve(".callbook/state.properties"));
        for (Infrastructure infrastructure : INFRASTRUCTURE) {
            runningPid(state, infrastructure.process()).ifPresent(pid -> found.add(infrastructure.withChildren()
                    ? WatchedProcess.infrastructureWithChildren(infrastructure.name(), pid)
                    : WatchedProcess.infrastructure(infrastructure.name(), pid)));
        }
        return found;
    }

    /** As the devstack checks it: the recorded pid runs and its command line holds the recorded marker (pids get recycled). */
    private static OptionalLong runningPid(Properties state, String process) {
        String pid = state.getProperty("process." + process + ".pid", "0");
        String marker = state.getProperty("process." + process + ".marker", "");
        try {
            long value = Long.parseLong(pid.trim());
            if (value > 0 && !marker.isEmpty() && String.join("\0", ProcFs.commandLine(value)).contains(marker)) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // not a pid: treated as not running
        }
        return OptionalLong.empty();
    }

    private static Properties stackState(Path file) {
        Properties state = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.load(reader);
            } catch (IOException e) {
                // no state: no infrastructure to measure
            }
        }
        return state;
    }
}
