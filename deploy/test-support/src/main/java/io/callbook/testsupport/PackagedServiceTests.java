package io.callbook.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every packaged service (the JVM jar, or the native binary with -Dnative) does whatever its feature. Each
 * service's {@code PackagedServiceIT}, a {@code @QuarkusIntegrationTest}, extends it with its own feature end to end.
 */
public abstract class PackagedServiceTests {

    @Test
    void isReady() {
        // On the management interface, at the port CallbookTestStack gave the process.
        int port = ConfigProvider.getConfig().getValue("quarkus.management.port", Integer.class);
        given().get("http://localhost:" + port + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
