package io.callbook.testsupport;

import io.callbook.devstack.Devstack;
import io.callbook.devstack.Ports;
import io.callbook.devstack.Processes;
import io.callbook.devstack.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service in its prod profile needs nothing from this machine: with an empty environment it refuses to
 * start, naming every setting it lacks and its environment variable, and given exactly those (and the token keys, which
 * Kubernetes mounts as files) it starts. The settings are the {@code %prod.callbook.production.required.*} lines of
 * common's and the module's config, the same lines the service checks and deploy/k8s-check reads. A service's
 * {@code ProductionConfigurationIT} extends this; run after package by failsafe.
 */
public abstract class ServiceProductionConfigurationTests {

    private static final Pattern REQUIRED = Pattern.compile(
            "(?m)^%prod\\.callbook\\.production\\.required\\.([A-Z0-9_]+)=\\$\\{([^}]+)}");
    private static final Path RUNNER = Path.of("target/quarkus-app/quarkus-run.jar");

    /** The database this service gets on the shared test stack. */
    protected abstract String database();

    /**
     * The service's own required settings (beyond common's), with values good enough to start, and what it needs
     * beyond them here (e.g. a key folder it finds at a default path in Kubernetes).
     */
    protected Map<String, String> ownSettings(Devstack stack) {
        return Map.of();
    }

    @Test
    void refusesToStartWithAnEmptyEnvironmentNamingEachMissingSetting() throws Exception {
        Map<String, String> required = requiredSettings();
        Path dir = Files.createTempDirectory(Path.of("target"), "prod-empty-");
        Path output = dir.resolve("output.log");
        // In its own directory: no .env or config/application.properties of the module may help it.
        ProcessBuilder builder = new ProcessBuilder(Processes.javaExecutable().toString(), "-jar",
                RUNNER.toAbsolutePath().toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), "still running without its settings; " + output);
        } finally {
            process.destroyForcibly();
        }
        String log = Files.readString(output);
        assertNotEquals(0, process.exitValue(), log);
        required.forEach((variable, setting) -> assertTrue(
                log.contains("Could not expand value " + setting + " in property callbook.production.required." + variable),
                "does not name " + setting + " (" + variable + "):\n" + log));
    }

    @Test
    void startsGivenItsRequiredSettings() {
        Devstack stack = Devstack.shared();
        Map<String, String> common = stack.serviceConfig(database());
        Map<String, String> config = new LinkedHashMap<>();
        for (String setting : requiredSettings().values()) {
            String value = common.containsKey(setting) ? common.get(setting) : ownSettings(stack).get(setting);
            assertTrue(value != null, "no test value for " + setting);
            config.put(setting, value);
        }
        config.put("mp.jwt.verify.publickey.location", common.get("mp.jwt.verify.publickey.location"));
        // Files a packaged service finds at a default path in Kubernetes (resolver-service's signing keys) are elsewhere here.
        ownSettings(stack).forEach(config::putIfAbsent);
        String name = database().replace('_', '-');
        try (ServiceProcess service = ServiceProcess.start(name, RUNNER, Ports.free(), config,
                Path.of("target").resolve(name + ".log"))) {
            assertTrue(service.isAlive());
        }
    }

    /** Environment variable → setting, from common's and this module's config. */
    protected static Map<String, String> requiredSettings() {
        Map<String, String> required = new LinkedHashMap<>();
        Path root = Path.of(System.getProperty("callbook.root", ".."));
        for (Path file : List.of(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties"),
                Path.of("src/main/resources/application.properties"))) {
            Matcher line = REQUIRED.matcher(read(file));
            while (line.find()) {
                required.put(line.group(1), line.group(2));
            }
        }
        assertTrue(required.containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "required settings read: " + required);
        assertEquals(required.size(), required.values().stream().distinct().count(), "one variable per setting");
        return required;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
