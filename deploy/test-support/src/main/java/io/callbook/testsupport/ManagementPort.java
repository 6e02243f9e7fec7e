package io.callbook.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The port of a {@code @QuarkusTest}'s management interface, where health, metrics and the API docs are served
 * ({@code /q/*}; the test's HTTP port serves the API alone). Tests take a free one each, so it is read once started:
 * {@code given().port(ManagementPort.get()).get("/q/metrics")}.
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    public static int get() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
