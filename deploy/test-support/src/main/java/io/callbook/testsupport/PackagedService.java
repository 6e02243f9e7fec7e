package io.callbook.testsupport;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Addresses of the packaged service a {@code @QuarkusIntegrationTest} runs (JVM jar or native binary), which the test
 * does not inject. Health checks are asked here, so that moving them to the management interface
 * ({@code quarkus.management.enabled}, its own port; in an integration test {@code quarkus.management.test-port}) changes
 * one place, not every test.
 */
public final class PackagedService {

    private PackagedService() {
    }

    /** The URL of a health check of the running service: {@code live}, {@code ready} or {@code started}. */
    public static String health(String check) {
        var config = ConfigProvider.getConfig();
        boolean management = config.getOptionalValue("quarkus.management.enabled", Boolean.class).orElse(false);
        int port = management
                ? config.getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001)
                : RestAssured.port;
        return "http://localhost:" + port + "/q/health/" + check;
    }
}
