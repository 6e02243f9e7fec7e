package io.callbook.booking.appointment.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.booking.customer.domain.Customer;
import io.callbook.common.contracts.directory.BranchData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every malformed or unbookable request is a problem+json with a status a client can act on, and writes nothing. */
@QuarkusTest
class AppointmentValidationTest {

    @Inject
    BookingFixtures fixtures;

    private AppointmentKit kit;

    @BeforeEach
    void tenant() {
        kit = AppointmentKit.create(fixtures);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("missing branchId", (k, b) -> b.remove("branchId"), 400, "invalid-request"),
                bad("missing serviceId", (k, b) -> b.remove("serviceId"), 400, "invalid-request"),
                bad("missing start", (k, b) -> b.remove("start"), 400, "invalid-request"),
                bad("start without offset", (k, b) -> b.put("start", "2030-05-04T10:00:00"), 400, "invalid-request"),
                bad("start not a time", (k, b) -> b.put("start", "tomorrow at ten"), 400, "invalid-request"),
                bad("start an impossible date", (k, b) -> b.put("start", "2030-02-30T10:00:00+01:00"), 400, "invalid-request"),
                bad("unknown source", (k, b) -> b.put("source", "fax"), 400, "invalid-request"),
                bad("notes too long", (k, b) -> b.put("notes", "x".repeat(2001)), 400, "invalid-request"),
                bad("externalRef too long", (k, b) -> b.put("externalRef", "x".repeat(201)), 400, "invalid-request"),
                bad("customerId and customer", (k, b) -> b.put("customerId", UUID.randomUUID().toString()), 400, "invalid-request"),
                bad("customer without phone", (k, b) -> b.put("customer", Map.of("name", "No Phone")), 400, "invalid-request"),
                bad("customer email malformed", (k, b) -> b.put("customer", Map.of("phone", "+4930123456", "email", "nope")), 400, "invalid-request"),
                bad("start in the past", (k, b) -> b.put("start", AppointmentKit.iso(Instant.now().minus(Duration.ofHours(1)))), 422, "start-in-past"),
                bad("start shorter notice than the service needs", (k, b) -> {
                    BookableService service = k.fixtures.service(k.company, 30, 15, 0, 0, 120, 30);
                    Staff staff = k.fixtures.staff(k.branch, Set.of(service.id));
                    b.put("serviceId", service.id.toString());
                    b.put("staffId", staff.id.toString());
                    b.put("start", AppointmentKit.iso(Instant.now().plus(Duration.ofMinutes(60))));
                }, 422, "notice-too-short"),
                bad("start beyond the booking window", (k, b) -> {
                    BookableService service = k.fixtures.service(k.company, 30, 15, 0, 0, 0, 30);
                    Staff staff = k.fixtures.staff(k.branch, Set.of(service.id));
                    b.put("serviceId", service.id.toString());
                    b.put("staffId", staff.id.toString());
                    b.put("start", AppointmentKit.iso(Instant.now().plus(Duration.ofDays(31))));
                }, 422, "outside-booking-window"),
                bad("unknown branch", (k, b) -> b.put("branchId", UUID.randomUUID().toString()), 404, "not-found"),
                bad("unknown service", (k, b) -> b.put("serviceId", UUID.randomUUID().toString()), 404, "not-found"),
                bad("removed branch", (k, b) -> {
                    BranchData closed = new BranchData(UUID.randomUUID(), k.company, "Closed", "Europe/Berlin", "de-DE", "DE", false);
                    io.quarkus.arc.Arc.container().instance(io.callbook.booking.branch.domain.BranchDirectory.class).get().apply(closed);
                    b.put("branchId", closed.id().toString());
                }, 404, "not-found"),
                bad("deleted service", (k, b) -> QuarkusTransaction.requiringNew().run(() ->
                        BookableService.update("deletedAt = ?1 where id = ?2", Instant.now(), k.service.id)), 404, "not-found"),
                bad("unknown staff", (k, b) -> b.put("staffId", UUID.randomUUID().toString()), 404, "not-found"),
                bad("unknown customer", (k, b) -> {
                    b.remove("customer");
                    b.put("customerId", UUID.randomUUID().toString());
                }, 404, "not-found"),
                bad("another company's service", (k, b) -> {
                    BookableService foreign = k.fixtures.service(UUID.randomUUID(), 30);
                    b.put("serviceId", foreign.id.toString());
                }, 404, "not-found"),
                bad("staff who does not perform the service", (k, b) -> {
                    Staff staff = k.fixtures.staff(k.branch, Set.of());
                    b.put("staffId", staff.id.toString());
                }, 422, "service-not-performed"),
                bad("staff of another branch", (k, b) -> {
                    BranchData other = new BranchData(UUID.randomUUID(), k.company, "Other", "Europe/Berlin", "de-DE", "DE", true);
                    io.quarkus.arc.Arc.container().instance(io.callbook.booking.branch.domain.BranchDirectory.class).get().apply(other);
                    Staff staff = k.fixtures.staff(other, Set.of(k.service.id));
                    b.put("staffId", staff.id.toString());
                }, 422, "staff-of-another-branch"),
                bad("inactive service", (k, b) -> QuarkusTransaction.requiringNew().run(() ->
                        BookableService.update("active = false where id = ?1", k.service.id)), 422, "service-not-bookable"),
                bad("inactive staff", (k, b) -> QuarkusTransaction.requiringNew().run(() ->
                        Staff.update("active = false where id = ?1", k.staff.id)), 422, "staff-not-bookable"),
                bad("nobody performs the service (any staff)", (k, b) -> {
                    b.remove("staffId");
                    QuarkusTransaction.requiringNew().run(() -> Staff.update("active = false where id = ?1", k.staff.id));
                }, 422, "no-staff-for-service"),
                bad("phone number too short", (k, b) -> b.put("customer", Map.of("phone", "12")), 422, "invalid-phone-number"),
                bad("anonymous caller", (k, b) -> b.put("customer", Map.of("phone", "anonymous")), 422, "invalid-phone-number"));
    }

    private static Arguments bad(String name, BiConsumer<AppointmentKit, Map<String, Object>> change, int status, String type) {
        return Arguments.of(name, change, status, type);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badRequests")
    void isRefusedAndWritesNothing(String name, BiConsumer<AppointmentKit, Map<String, Object>> change, int status, String type) {
        Map<String, Object> body = kit.body(kit.at(0));
        change.accept(kit, body);
        kit.post(kit.admin(), body).statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", endsWith("/" + type));
        assertNothingWritten();
    }

    @Test
    void malformedBodiesAre400() {
        given().auth().oauth2(kit.admin()).contentType(ContentType.JSON).body("{\"branchId\": ").post(AppointmentKit.PATH)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(kit.admin()).contentType(ContentType.JSON).post(AppointmentKit.PATH)
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> body = kit.body(kit.at(0));
        // Values of the wrong JSON type are refused by the JSON reader before the domain sees them; the problem+json
        // shape of that answer is common's business (its mapper for Jackson's type errors).
        body.put("branchId", "not-a-uuid");
        kit.post(kit.admin(), body).statusCode(400);
        body = kit.body(kit.at(0));
        body.put("hold", "perhaps");
        kit.post(kit.admin(), body).statusCode(400);
        assertNothingWritten();
    }

    @Test
    void anOverlongIdempotencyKeyIs400() {
        kit.postWithKey(kit.admin(), "k".repeat(201), kit.body(kit.at(0))).statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
        assertNothingWritten();
    }

    @Test
    void malformedIdsInThePathAre404() {
        kit.get(kit.admin(), "not-an-id").statusCode(404).contentType("application/problem+json");
        kit.action(kit.admin(), "not-an-id", "cancel", Map.of()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rescheduleInputIsChecked() {
        String id = kit.book(kit.at(0));
        kit.action(kit.admin(), id, "reschedule", Map.of("start", "soon")).statusCode(400)
                .contentType("application/problem+json");
        kit.action(kit.admin(), id, "reschedule", Map.of()).statusCode(400);
        kit.action(kit.admin(), id, "reschedule", Map.of("start", AppointmentKit.iso(Instant.now().minusSeconds(60))))
                .statusCode(422).body("type", endsWith("/start-in-past"));
        kit.action(kit.admin(), id, "reschedule", Map.of("start", AppointmentKit.iso(kit.at(60)), "staffId", UUID.randomUUID().toString()))
                .statusCode(404);
        kit.action(kit.admin(), id, "status", Map.of("status", "sleeping")).statusCode(400);
        kit.action(kit.admin(), id, "status", Map.of()).statusCode(400);
        assertEquals(kit.at(0), kit.appointment(id).startsAt);
    }

    private void assertNothingWritten() {
        assertEquals(0, kit.rows(), "no appointment");
        assertEquals(0, kit.outboxRows(), "no event");
        long customers = QuarkusTransaction.requiringNew().call(() -> Customer.count("companyId", kit.company));
        assertEquals(0, customers, "no customer");
    }
}
