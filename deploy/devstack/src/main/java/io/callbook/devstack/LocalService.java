package io.callbook.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A service of the local run: its module folder, short name, HTTP port and database. Its management interface (health,
 * metrics, API docs) listens on the HTTP port + {@value #MANAGEMENT_OFFSET}: resolver 9081, booking 9082, and so on.
 *
 * @param restClients short names of the services it calls over REST; their URLs in its application.properties name
 *                    the default ports, so the local run passes the ports it really uses
 */
record LocalService(String module, String name, int port, String database, List<String> restClients) {

    static final int MANAGEMENT_OFFSET = 1000;

    static final List<LocalService> DEFAULTS = List.of(
            new LocalService("resolver-service", "resolver", 8081, "resolver", List.of()),
            new LocalService("booking-service", "booking", 8082, "booking", List.of()),
            new LocalService("webhook-service", "webhook", 8083, "webhook", List.of("resolver", "booking")),
            new LocalService("perf-ops-service", "perf-ops", 8084, "perfops", List.of()));

    /** The services with the ports set as {@code -Dcallbook.<name>.port}, e.g. callbook.resolver.port; else the defaults. */
    static List<LocalService> configured(Properties properties) {
        return DEFAULTS.stream()
                .map(service -> service.withPort(port(properties, portProperty(service.name()), service.port())))
                .toList();
    }

    static String portProperty(String name) {
        return "callbook." + name + ".port";
    }

    /** The module or its short name ("resolver-service" or "resolver"). */
    static java.util.Optional<LocalService> named(List<LocalService> services, String nameOrModule) {
        return services.stream()
                .filter(service -> service.name().equals(nameOrModule) || service.module().equals(nameOrModule))
                .findFirst();
    }

    LocalService withPort(int newPort) {
        return new LocalService(module, name, newPort, database, restClients);
    }

    Path runnerJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String url() {
        return "http://localhost:" + port;
    }

    int managementPort() {
        return port + MANAGEMENT_OFFSET;
    }

    /** Where its /q/health, /q/metrics, /q/openapi and /q/swagger-ui are. */
    String managementUrl() {
        return "http://localhost:" + managementPort();
    }

    private static int port(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535 - MANAGEMENT_OFFSET) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + key + " must be a port number (1-" + (65535 - MANAGEMENT_OFFSET)
                + "; the management interface takes the port + " + MANAGEMENT_OFFSET + "), not '" + value + "'");
    }
}
