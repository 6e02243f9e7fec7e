package io.callbook.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Addresses of the packaged service a {@code @QuarkusIntegrationTest} runs (JVM jar or native binary), which the test
 * does not inject. Its health checks are on its management interface, on the port {@link CallbookTestStack} gave it.
 */
public final class PackagedService {

    private PackagedService() {
    }

    /** The URL of a health check of the running service: {@code live}, {@code ready} or {@code started}. */
    public static String health(String check) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.port", Integer.class);
        return "http://localhost:" + port + "/q/health/" + check;
    }
}
