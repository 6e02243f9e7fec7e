package io.callbook.booking.appointment.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.appointment.domain.Appointment;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.common.outbox.OutboxEvent;
import io.callbook.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A fresh tenant with one branch, service and staff member per test, and helpers to call the appointment API. */
final class AppointmentKit {

    static final String PATH = "/v1/appointments";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final BookingFixtures fixtures;
    final BranchData branch;
    final UUID company;
    final BookableService service;
    final Staff staff;
    /** 06:00 in Berlin three days ahead: inside every test service's window and notice, and far from midnight. */
    final Instant base = LocalDate.now(BERLIN).plusDays(3).atTime(6, 0).atZone(BERLIN).toInstant();

    private AppointmentKit(BookingFixtures fixtures, BranchData branch, BookableService service, Staff staff) {
        this.fixtures = fixtures;
        this.branch = branch;
        this.company = branch.companyId();
        this.service = service;
        this.staff = staff;
    }

    /** A 30-minute service without buffers, performed by one staff member. */
    static AppointmentKit create(BookingFixtures fixtures) {
        return create(fixtures, 0, 0);
    }

    static AppointmentKit create(BookingFixtures fixtures, int bufferBefore, int bufferAfter) {
        BranchData branch = fixtures.branch("Europe/Berlin");
        BookableService service = fixtures.service(branch.companyId(), 30, 15, bufferBefore, bufferAfter, 0, 365);
        Staff staff = fixtures.staffAlwaysWorking(branch, Set.of(service.id));
        return new AppointmentKit(fixtures, branch, service, staff);
    }

    Staff anotherStaff() {
        return fixtures.staffAlwaysWorking(branch, Set.of(service.id));
    }

    String admin() {
        return TestTokens.tenantAdmin(company);
    }

    String agent() {
        return TestTokens.agent(company);
    }

    Instant at(int minutesAfterBase) {
        return base.plus(Duration.ofMinutes(minutesAfterBase));
    }

    /** The wire form clients send: local time with the branch's offset. */
    static String iso(Instant instant) {
        return OffsetDateTime.ofInstant(instant, BERLIN).toString();
    }

    Map<String, Object> body(Instant start) {
        return body(start, staff.id);
    }

    Map<String, Object> body(Instant start, UUID staffId) {
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch.id().toString());
        body.put("serviceId", service.id.toString());
        if (staffId != null) {
            body.put("staffId", staffId.toString());
        }
        body.put("start", iso(start));
        body.put("customer", Map.of("phone", "+49 30 1234567", "name", "Erika Mustermann"));
        return body;
    }

    ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    ValidatableResponse postWithKey(String token, String key, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(PATH).then();
    }

    /** Books and returns the new appointment's id. */
    String book(Instant start) {
        return post(admin(), body(start)).statusCode(201).extract().path("id");
    }

    ValidatableResponse action(String token, String id, String action, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post(PATH + "/{id}/" + action, id).then();
    }

    ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).get(PATH + "/{id}", id).then();
    }

    long rows() {
        return QuarkusTransaction.requiringNew().call(() -> Appointment.count("companyId", company));
    }

    Appointment appointment(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Appointment.findById(UUID.fromString(id)));
    }

    /** Moves a hold's expiry into the past, as if the caller had gone quiet. */
    void expireHoldInThePast(String id) {
        QuarkusTransaction.requiringNew().run(() -> Appointment.update("holdExpiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), UUID.fromString(id)));
    }

    List<OutboxEvent> events(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> Appointment.getEntityManager()
                .createQuery("from OutboxEvent where aggregateId = :id order by id", OutboxEvent.class)
                .setParameter("id", aggregateId).getResultList());
    }

    long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> Appointment.getEntityManager()
                .createQuery("select count(*) from OutboxEvent where tenantId = :company", Long.class)
                .setParameter("company", company).getSingleResult());
    }

    List<String> eventTypes(String aggregateId) {
        return events(aggregateId).stream().map(e -> e.eventType).toList();
    }
}
