package io.callbook.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code ./callbook up} runs, in {@code .callbook/suite.properties}: its pid, how far it is, and the services'
 * ports, so that status, token, logs and down in another terminal find it. The stack's own processes are in
 * {@link StackState}'s file beside it.
 *
 * @param servicePorts module → HTTP port of each service this run starts, in start order
 */
record SuiteState(long launcherPid, Phase phase, Instant startedAt, boolean detached, Map<String, Integer> servicePorts) {

    static final String FILE_NAME = "suite.properties";

    enum Phase {
        STARTING, UP, STOPPING, STOPPED
    }

    SuiteState withPhase(Phase next) {
        return new SuiteState(launcherPid, next, startedAt, detached, servicePorts);
    }

    static Path file(Path home) {
        return home.resolve(FILE_NAME);
    }

    /** Empty when no run has written one yet. */
    static Optional<SuiteState> read(Path home) {
        Path file = file(home);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String module : values.getProperty("services", "").split(",")) {
            if (!module.isBlank()) {
                ports.put(module, Integer.parseInt(values.getProperty("service." + module + ".port")));
            }
        }
        return Optional.of(new SuiteState(
                Long.parseLong(values.getProperty("launcher.pid", "0")),
                Phase.valueOf(values.getProperty("phase", Phase.STOPPED.name())),
                Instant.parse(values.getProperty("started-at", Instant.EPOCH.toString())),
                Boolean.parseBoolean(values.getProperty("detached", "false")),
                ports));
    }

    /** Written whole and atomically: another terminal may read it at any moment. */
    void write(Path home) {
        Properties values = new Properties();
        values.setProperty("launcher.pid", Long.toString(launcherPid));
        values.setProperty("phase", phase.name());
        values.setProperty("started-at", startedAt.toString());
        values.setProperty("detached", Boolean.toString(detached));
        values.setProperty("services", String.join(",", servicePorts.keySet()));
        servicePorts.forEach((module, port) -> values.setProperty("service." + module + ".port", Integer.toString(port)));
        Path file = file(home);
        try {
            Files.createDirectories(home);
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(writer, "./callbook up: what this run starts (see StackState's file for the infrastructure)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
