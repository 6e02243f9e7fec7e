package io.callbook.devstack;

import java.nio.file.Path;
import java.util.List;

/** A service of the local run: its module folder, HTTP port and database. */
record LocalService(String module, int port, String database) {

    static final List<LocalService> ALL = List.of(
            new LocalService("resolver-service", 8081, "resolver"),
            new LocalService("booking-service", 8082, "booking"),
            new LocalService("webhook-service", 8083, "webhook"),
            new LocalService("perf-ops-service", 8084, "perfops"));

    Path runnerJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String url() {
        return "http://localhost:" + port;
    }
}
