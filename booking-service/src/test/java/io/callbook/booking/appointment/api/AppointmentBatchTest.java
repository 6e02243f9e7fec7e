package io.callbook.booking.appointment.api;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.SlotsChangedRecorder;
import io.callbook.booking.catalog.domain.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch is all or nothing: checked as a whole, written in one transaction. */
@QuarkusTest
class AppointmentBatchTest {

    @Inject
    BookingFixtures fixtures;
    @Inject
    BookingConfig config;
    @Inject
    SlotsChangedRecorder slots;

    private AppointmentKit kit;

    @BeforeEach
    void tenant() {
        kit = AppointmentKit.create(fixtures);
    }

    @Test
    void aValidBatchBooksEveryItem() {
        batch(List.of(kit.body(kit.at(0)), kit.body(kit.at(30)), kit.body(kit.at(60)))).statusCode(201)
                .body("items", hasSize(3))
                .body("items.start", contains(kit.at(0).toString(), kit.at(30).toString(), kit.at(60).toString()))
                .body("items.status", contains("confirmed", "confirmed", "confirmed"));
        assertEquals(3, kit.rows());
        assertEquals(3, kit.outboxRows());
        assertEquals(3, slots.of(kit.company).size());
    }

    @Test
    void invalidItemsAreAllListedAndNothingIsWritten() {
        Map<String, Object> past = kit.body(kit.at(0));
        past.put("start", AppointmentKit.iso(java.time.Instant.now().minusSeconds(3600)));
        Map<String, Object> unknownService = kit.body(kit.at(60));
        unknownService.put("serviceId", UUID.randomUUID().toString());
        Map<String, Object> noStart = kit.body(kit.at(90));
        noStart.remove("start");
        batch(List.of(kit.body(kit.at(0)), past, unknownService, kit.body(kit.at(120)), noStart)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-invalid"))
                .body("errors.index", contains(1, 2, 4))
                .body("errors.status", contains(422, 404, 400))
                .body("errors[0].detail", startsWith("start"));
        assertEquals(0, kit.rows());
        assertEquals(0, kit.outboxRows());
    }

    @Test
    void aConflictInsideTheBatchRollsBackEveryItem() {
        batch(List.of(kit.body(kit.at(0)), kit.body(kit.at(60)), kit.body(kit.at(15)))).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/slot-taken"))
                .body("index", equalTo(2))
                .body("conflict.staffId", equalTo(kit.staff.id.toString()));
        assertEquals(0, kit.rows());
        assertEquals(0, kit.outboxRows());
        assertTrue(slots.of(kit.company).isEmpty(), "availability hears nothing of a rolled-back batch");
    }

    @Test
    void aConflictWithAnExistingAppointmentRollsBackTheBatchAndNamesIt() {
        kit.book(kit.at(60));
        batch(List.of(kit.body(kit.at(0)), kit.body(kit.at(70)))).statusCode(409)
                .body("index", equalTo(1))
                .body("conflict.start", equalTo(kit.at(60).toString()))
                .body("detail", startsWith("Item 1: "));
        assertEquals(1, kit.rows());
    }

    @Test
    void itemsWithoutStaffShareOutTheFreeStaff() {
        Staff second = kit.anotherStaff();
        batch(List.of(kit.body(kit.at(0), null), kit.body(kit.at(0), null))).statusCode(201)
                .body("items.staffId", org.hamcrest.Matchers.containsInAnyOrder(kit.staff.id.toString(), second.id.toString()));
        batch(List.of(kit.body(kit.at(0), null))).statusCode(409).body("index", equalTo(0));
        assertEquals(2, kit.rows());
    }

    @Test
    void anOversizedBatchIsRefusedBeforeAnythingIsChecked() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= config.maxBatchSize(); i++) {
            items.add(kit.body(kit.at(30 * i)));
        }
        batch(items).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-too-large"))
                .body("maxItems", equalTo(config.maxBatchSize()));
        batch(List.of()).statusCode(422).body("type", endsWith("/batch-empty"));
        given().auth().oauth2(kit.admin()).contentType(ContentType.JSON).body(Map.of()).post(AppointmentKit.PATH + "/batch")
                .then().statusCode(400);
        assertEquals(0, kit.rows());
    }

    private ValidatableResponse batch(List<Map<String, Object>> items) {
        return given().auth().oauth2(kit.agent()).contentType(ContentType.JSON).body(Map.of("items", items))
                .post(AppointmentKit.PATH + "/batch").then();
    }
}
