package io.callbook.booking;

import io.callbook.devstack.Devstack;
import io.callbook.devstack.Ports;
import io.callbook.devstack.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A rolling update loses no request: bookings in flight when SIGTERM arrives finish with their normal answer and
 * their effect (the appointment and its outbox event) stored, a request arriving meanwhile gets a complete answer,
 * never a broken connection, and the service exits by itself, well within its shutdown timeout (common's
 * quarkus.shutdown.timeout), once they are done, with the status of a clean SIGTERM; after that connections are
 * refused.
 *
 * <p>Deterministic rather than timed: the test holds a lock on the appointments table that the bookings' transactions
 * wait for, sees them waiting in pg_stat_activity, sends SIGTERM, sees the shutdown begun (a new request answered with
 * {@code Connection: close}), and only then lets the bookings go on. Started from the jar, so the native build (-Dnative) leaves it out.
 */
@Tag("jvm-build")
class GracefulShutdownIT {

    private static final int IN_FLIGHT = 4;
    private static final String DATABASE = "booking_shutdown";

    @Test
    void bookingsInFlightOnSigtermFinishAndNewRequestsGetAWholeAnswer() throws Exception {
        Devstack stack = Devstack.shared();
        Map<String, String> config = new HashMap<>(stack.serviceConfig(DATABASE));
        // A group of its own: another packaged booking-service may read the directory topic of this Kafka meanwhile.
        config.put("mp.messaging.incoming.directory.group.id", "booking-directory-" + DATABASE);
        ServiceProcess booking = ServiceProcess.start("booking-shutdown", Path.of("target/quarkus-app/quarkus-run.jar"),
                Ports.free(), config, Path.of("target/booking-shutdown.log"));
        try (booking) {
            PackagedSalon salon = PackagedSalon.create(() -> RestAssured.given().baseUri(booking.baseUrl()),
                    stack.kafkaBootstrapServers());
            HttpClient http = http();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();

            try (Connection lock = database(stack, config)) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("lock table appointments in exclusive mode");
                for (int i = 0; i < IN_FLIGHT; i++) {
                    inFlight.add(http.sendAsync(book(booking, salon, i), HttpResponse.BodyHandlers.ofString()));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> waitingOnLocks(stack, config) == IN_FLIGHT);

                assertFalse(answeredAndClosed(probe(booking, salon)), "served as usual before SIGTERM");

                booking.terminate();
                // Within the shutdown timeout (25 s from SIGTERM), after which Quarkus would cut the bookings off.
                await().atMost(Duration.ofSeconds(20)).until(() -> answeredAndClosed(probe(booking, salon)));
                assertFalse(inFlight.stream().anyMatch(CompletableFuture::isDone), "the bookings still wait for the lock");
                lock.rollback();
            }

            List<String> ids = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.body());
                ids.add(JsonPath.from(response.body()).getString("id"));
            }
            Process exited = booking.onExit().get(60, TimeUnit.SECONDS);
            // 128 + 15: how the JVM reports a SIGTERM after its shutdown hooks ran to the end;
            // a stop cut short by SIGKILL would be 137.
            assertEquals(143, exited.exitValue(), "exit status after SIGTERM");
            assertNull(probe(booking, salon), "refused once stopped");

            try (Connection db = database(stack, config)) {
                assertEquals(IN_FLIGHT, count(db, "select count(*) from appointments where id::text = any(?)", ids));
                assertEquals(IN_FLIGHT, count(db, "select count(distinct aggregate_id) from outbox where aggregate_id = any(?)", ids));
            }
        }
    }

    private static HttpRequest book(ServiceProcess booking, PackagedSalon salon, int slot) {
        Map<String, Object> body = salon.booking(slot, "+49 30 55500" + slot);
        return HttpRequest.newBuilder(URI.create(booking.baseUrl() + "/v1/appointments"))
                .header("Authorization", "Bearer " + salon.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .build();
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new request: its complete answer, or null when the connection is refused. Anything else (a reset, a half
     * answer) fails the test.
     */
    private static HttpResponse<String> probe(ServiceProcess booking, PackagedSalon salon) {
        // A fresh connection each time, so a kept-alive connection closed meanwhile cannot pass for a reset.
        try (HttpClient fresh = http()) {
            return fresh.send(HttpRequest.newBuilder(
                            URI.create(booking.baseUrl() + "/v1/companies/" + salon.company() + "/services"))
                    .header("Authorization", "Bearer " + salon.admin()).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            return null;
        } catch (IOException e) {
            return fail("a request during shutdown must be answered or refused, not broken off", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Once shutting down, Quarkus still serves a new HTTP/1.1 request (the load balancer may not know yet), but closes
     * its connection after the answer; that header is how the test sees the shutdown has begun.
     */
    private static boolean answeredAndClosed(HttpResponse<String> response) {
        assertNotNull(response, "the service stopped listening while requests were in flight");
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("connection").filter("close"::equalsIgnoreCase).isPresent();
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static Connection database(Devstack stack, Map<String, String> config) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(DATABASE), config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
    }

    private static long waitingOnLocks(Devstack stack, Map<String, String> config) throws SQLException {
        try (Connection db = database(stack, config);
             PreparedStatement query = db.prepareStatement(
                     "select count(*) from pg_stat_activity where datname = ? and wait_event_type = 'Lock'")) {
            query.setString(1, DATABASE);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long count(Connection db, String sql, List<String> ids) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
