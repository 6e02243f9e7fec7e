package io.callbook.resolver;

import io.callbook.devstack.Devstack;
import io.callbook.devstack.Ports;
import io.callbook.devstack.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two replicas of the packaged service on one database, Redis and Kafka, as in production: a number
 * moved on one replica must resolve to its new branch on both, although both had the old answer cached in-process
 * and in Redis. Here that takes 0.1–0.3 s (printed); the test allows a slow, busy box far more, as a missed change
 * would stay for the cache's hour. The replicas are used at once, before Kafka may have given their invalidation
 * consumers the partitions. Started from the jar, so the native build (-Dnative) leaves it out.
 */
@Tag("jvm-build")
class ResolverReplicasIT {

    private static final String BOOTSTRAP_KEY = "cbk_replicas_0123456789abcdefghijklmnopqrstuv";
    private static final String NUMBER = Directory.freshBerlinNumber();
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startTwoReplicas() {
        Devstack stack = Devstack.shared();
        Map<String, String> config = new HashMap<>(stack.serviceConfig("resolver_replicas"));
        config.put("callbook.auth.bootstrap-api-key", BOOTSTRAP_KEY);
        config.putAll(stack.signingConfig());
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Path logs = Path.of("target");
        first = ServiceProcess.start("resolver-1", jar, Ports.free(), config, logs.resolve("resolver-1.log"));
        second = ServiceProcess.start("resolver-2", jar, Ports.free(), config, logs.resolve("resolver-2.log"));
    }

    @AfterAll
    static void stopReplicas() {
        for (ServiceProcess replica : new ServiceProcess[]{first, second}) {
            if (replica != null) {
                replica.stop();
            }
        }
    }

    @Test
    void aMovedNumberResolvesToItsNewBranchOnEveryReplica() {
        String token = given(first).contentType(ContentType.JSON).body(Map.of("apiKey", BOOTSTRAP_KEY))
                .post("/v1/tokens").then().statusCode(200).extract().path("accessToken");
        String company = given(first).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Replica GmbH", "defaultRegion", "DE"))
                .post("/v1/companies").then().statusCode(201).extract().path("id");
        String mitte = branch(token, company, "Mitte");
        String altona = branch(token, company, "Altona");
        String numberId = given(first).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("number", NUMBER, "branchId", mitte))
                .post("/v1/companies/{c}/phone-numbers", company).then().statusCode(201).extract().path("id");

        for (ServiceProcess replica : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> resolve(replica, token).body("branchId", equalTo(mitte)));
        }

        given(first).auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("branchId", altona))
                .put("/v1/companies/{c}/phone-numbers/{n}", company, numberId).then().statusCode(200);
        long movedAt = System.nanoTime();

        for (ServiceProcess replica : List.of(second, first)) {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> resolve(replica, token).body("branchId", equalTo(altona)));
        }
        System.out.printf("Both replicas resolved the moved number after %d ms%n", (System.nanoTime() - movedAt) / 1_000_000);
    }

    private static String branch(String token, String company, String name) {
        return given(first).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "Europe/Berlin"))
                .post("/v1/companies/{c}/branches", company).then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse resolve(ServiceProcess replica, String token) {
        return given(replica).auth().oauth2(token).queryParam("number", NUMBER).get("/v1/resolve")
                .then().statusCode(200);
    }

    private static RequestSpecification given(ServiceProcess replica) {
        return io.restassured.RestAssured.given().baseUri(replica.baseUrl());
    }
}
