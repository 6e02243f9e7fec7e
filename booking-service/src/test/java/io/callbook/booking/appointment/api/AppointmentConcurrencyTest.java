package io.callbook.booking.appointment.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.appointment.domain.Appointment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many clients at once, over real HTTP against the real database: the constraint decides, exactly once. */
@QuarkusTest
class AppointmentConcurrencyTest {

    private static final int CLIENTS = 50;

    @Inject
    BookingFixtures fixtures;

    private AppointmentKit kit;

    @BeforeEach
    void tenant() {
        kit = AppointmentKit.create(fixtures, 5, 5);
    }

    @Test
    void fiftyConcurrentBookingsOfOneSlotMakeExactlyOneAppointment() throws Exception {
        Instant start = kit.at(0);
        String token = kit.agent();
        // Fifty different callers: nothing but the appointment itself is shared between the requests.
        List<ExtractableResponse<Response>> responses = concurrently(i -> () -> {
            Map<String, Object> body = kit.body(start);
            body.put("customer", Map.of("phone", "+49 30 12345" + String.format("%02d", i), "name", "Caller " + i));
            return kit.post(token, body).extract();
        });

        Map<Integer, Long> statuses = statusCounts(responses);
        assertEquals(Map.of(201, 1L, 409, (long) CLIENTS - 1), statuses);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertEquals("application/problem+json", r.contentType());
            assertEquals(start.toString(), r.path("conflict.start"));
            assertEquals(kit.staff.id.toString(), r.path("conflict.staffId"));
        });
        assertEquals(1, kit.rows());
        assertEquals(1, kit.outboxRows());
    }

    @Test
    void fiftyConcurrentReschedulesIntoOneSlotMoveExactlyOneAppointment() throws Exception {
        // Fifty appointments an hour apart, all to be moved to the same free slot.
        List<String> ids = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        for (int hour = 1; ids.size() < CLIENTS; hour++) {
            // The kit's staff work 00:00–23:59 each day: keep clear of the minute between two days.
            int localHour = kit.at(60 * hour).atZone(AppointmentKit.BERLIN).getHour();
            if (localHour >= 1 && localHour <= 22) {
                starts.add(kit.at(60 * hour));
                ids.add(kit.book(kit.at(60 * hour)));
            }
        }
        Instant target = kit.at(0);
        String token = kit.admin();
        List<ExtractableResponse<Response>> responses = concurrently(i -> () ->
                kit.action(token, ids.get(i), "reschedule", Map.of("start", AppointmentKit.iso(target))).extract());

        assertEquals(Map.of(200, 1L, 409, (long) CLIENTS - 1), statusCounts(responses));
        List<Appointment> rows = QuarkusTransaction.requiringNew().call(() ->
                Appointment.<Appointment>list("companyId", kit.company));
        assertEquals(CLIENTS, rows.size());
        assertEquals(1, rows.stream().filter(a -> a.startsAt.equals(target)).count());
        for (int i = 0; i < CLIENTS; i++) {
            Appointment row = kit.appointment(ids.get(i));
            boolean moved = row.startsAt.equals(target);
            assertEquals(moved, responses.get(i).statusCode() == 200);
            if (!moved) {
                assertEquals(starts.get(i), row.startsAt, "a refused move leaves the appointment where it was");
                assertEquals(0, row.version, "and does not touch it");
            }
        }
        // One more into the now-taken slot: refused, nothing changed.
        String last = ids.get(responses.get(0).statusCode() == 200 ? 1 : 0);
        kit.action(token, last, "reschedule", Map.of("start", AppointmentKit.iso(target.plusSeconds(600)))).statusCode(409);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyMakeOneAppointment() throws Exception {
        String key = "call-" + UUID.randomUUID();
        String token = kit.agent();
        Map<String, Object> body = kit.body(kit.at(0));
        List<ExtractableResponse<Response>> responses = concurrently(i -> () ->
                kit.postWithKey(token, key, body).extract());

        assertEquals(Map.of(201, (long) CLIENTS), statusCounts(responses));
        Set<String> ids = responses.stream().map(r -> r.<String>path("id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every retry answers the same appointment");
        assertEquals(CLIENTS - 1, responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count());
        assertEquals(1, kit.rows());
    }

    /** Releases all clients at once and returns their responses in client order. */
    private static <T> List<T> concurrently(IntFunction<Callable<T>> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch ready = new CountDownLatch(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Callable<T> call = client.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertTrue(ready.await(30, java.util.concurrent.TimeUnit.SECONDS));
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> statusCounts(List<ExtractableResponse<Response>> responses) {
        return responses.stream().collect(Collectors.groupingBy(ExtractableResponse::statusCode, Collectors.counting()));
    }
}
