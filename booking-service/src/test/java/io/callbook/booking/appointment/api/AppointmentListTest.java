package io.callbook.booking.appointment.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AppointmentListTest {

    @Inject
    BookingFixtures fixtures;

    private AppointmentKit kit;
    private Staff second;
    private final List<String> firstStaffIds = new ArrayList<>();

    @BeforeEach
    void appointments() {
        kit = AppointmentKit.create(fixtures);
        second = kit.anotherStaff();
        // Five for the first staff member, booked out of order; two for the second at the same times.
        for (int slot : new int[]{120, 0, 60, 240, 180}) {
            firstStaffIds.add(kit.book(kit.at(slot)));
        }
        kit.post(kit.admin(), kit.body(kit.at(0), second.id)).statusCode(201);
        Map<String, Object> calendar = kit.body(kit.at(60), second.id);
        calendar.put("source", "calendar");
        calendar.put("externalRef", "cal-uid-42");
        calendar.put("confirm", false);
        kit.post(kit.admin(), calendar).statusCode(201);
    }

    @Test
    void pagesWalkThroughAllAppointmentsInStartOrder() {
        List<String> starts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = new HashMap<>(Map.of("branchId", kit.branch.id().toString(), "limit", 3));
            if (cursor != null) {
                query.put("after", cursor);
            }
            var page = list(query).statusCode(200).extract();
            starts.addAll(page.path("items.start"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(7, starts.size());
        assertEquals(starts.stream().sorted().toList(), starts);
        // Without a branch, the company's whole list.
        list(Map.of()).statusCode(200).body("items", hasSize(7)).body("nextCursor", nullValue());
    }

    @Test
    void filtersCombine() {
        list(Map.of("staffId", kit.staff.id.toString())).body("items", hasSize(5));
        list(Map.of("staffId", kit.staff.id.toString(), "from", AppointmentKit.iso(kit.at(60)), "to", AppointmentKit.iso(kit.at(240))))
                .body("items.start", contains(kit.at(60).toString(), kit.at(120).toString(), kit.at(180).toString()));
        list(Map.of("status", "pending")).body("items", hasSize(1));
        list(Map.of("status", "pending,confirmed")).body("items", hasSize(7));
        String customerId = kit.get(kit.admin(), firstStaffIds.get(0)).extract().path("customerId");
        list(Map.of("customerId", customerId)).body("items", hasSize(7));
    }

    @Test
    void aCalendarBookingIsFoundByItsUid() {
        list(Map.of("externalRef", "cal-uid-42", "source", "calendar")).statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].staffId", equalTo(second.id.toString()))
                .body("items[0].status", equalTo("pending"));
        list(Map.of("externalRef", "cal-uid-42", "source", "voice")).body("items", hasSize(0));
        // The uid is one appointment: booking it again is refused and names the existing one.
        Map<String, Object> again = kit.body(kit.at(600), second.id);
        again.put("source", "calendar");
        again.put("externalRef", "cal-uid-42");
        String existing = list(Map.of("externalRef", "cal-uid-42")).extract().path("items[0].id");
        kit.post(kit.admin(), again).statusCode(409).body("appointmentId", equalTo(existing));
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource({"limit, 0", "limit, 201", "after, not-a-cursor", "status, sleeping", "source, fax"})
    void badParametersAre400(String name, String value) {
        list(Map.of(name, value)).statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource({"limit, many", "from, yesterday", "to, 2030-01-01T10:00", "branchId, nope", "staffId, nope"})
    void malformedTypedParametersAre400AndNameTheParameter(String name, String value) {
        list(Map.of(name, value)).statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-parameter"))
                .body("parameter", equalTo(name));
    }

    @Test
    void toBeforeFromIs400() {
        list(Map.of("from", AppointmentKit.iso(kit.at(60)), "to", AppointmentKit.iso(kit.at(0)))).statusCode(400);
    }

    private ValidatableResponse list(Map<String, ?> query) {
        return given().auth().oauth2(kit.agent()).queryParams(query).get(AppointmentKit.PATH).then();
    }
}
