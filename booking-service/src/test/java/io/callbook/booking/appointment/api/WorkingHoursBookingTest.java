package io.callbook.booking.appointment.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Bookings respect the hours and time off that availability shows; the slot grid is not enforced. */
@QuarkusTest
class WorkingHoursBookingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    BookingFixtures fixtures;

    private BranchData branch;
    private BookableService service;
    private Staff staff;
    private LocalDate day;

    @BeforeEach
    void nineToFive() {
        branch = fixtures.branch("Europe/Berlin");
        service = fixtures.service(branch.companyId(), 30, 30, 0, 15, 0, 365);
        staff = fixtures.staff(branch, Set.of(service.id));
        fixtures.everyDayNineToFive(staff);
        day = LocalDate.now(BERLIN).plusDays(4);
    }

    @Test
    void insideHoursIsBookedEvenOffTheGrid() {
        book("10:05").statusCode(201);
    }

    @Test
    void beforeOpeningDuringTheBreakOrPastClosingIsRefused() {
        book("08:30").statusCode(422).body("type", equalTo("https://callbook.io/problems/outside-working-hours"));
        book("11:45").statusCode(422); // 12:00–13:00 is the break, and the 15 minutes after belong to the staff too
        book("16:20").statusCode(422); // ends 16:50, but the buffer runs to 17:05
        book("16:15").statusCode(201);
    }

    @Test
    void timeOffIsRefused() {
        given().auth().oauth2(TestTokens.tenantAdmin(branch.companyId())).contentType(ContentType.JSON)
                .body(Map.of("branchId", branch.id(), "staffId", staff.id,
                        "startsAt", at("09:00").toOffsetDateTime().toString(), "endsAt", at("13:00").toOffsetDateTime().toString()))
                .post("/v1/companies/{c}/time-off", branch.companyId()).then().statusCode(201);
        book("10:00").statusCode(422);
        book("14:00").statusCode(201);
    }

    @Test
    void aRescheduleOutsideHoursIsRefused() {
        String id = book("10:00").statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.agent(branch.companyId())).contentType(ContentType.JSON)
                .body(Map.of("start", at("20:00").toOffsetDateTime().toString()))
                .post("/v1/appointments/{id}/reschedule", id)
                .then().statusCode(422).body("type", equalTo("https://callbook.io/problems/outside-working-hours"));
    }

    @Test
    void withoutAStaffMemberOnlyThoseAtWorkAreTried() {
        Staff lateShift = fixtures.staff(branch, Set.of(service.id));
        for (DayOfWeek weekday : DayOfWeek.values()) {
            fixtures.hours(lateShift, weekday, HoursKind.WORK, "14:00", "22:00");
        }
        given().auth().oauth2(TestTokens.agent(branch.companyId())).contentType(ContentType.JSON)
                .body(Map.of("branchId", branch.id(), "serviceId", service.id, "start", at("19:00").toOffsetDateTime().toString()))
                .post("/v1/appointments").then().statusCode(201).body("staffId", equalTo(lateShift.id.toString()));
    }

    private ValidatableResponse book(String localTime) {
        return given().auth().oauth2(TestTokens.agent(branch.companyId())).contentType(ContentType.JSON)
                .body(Map.of("branchId", branch.id(), "serviceId", service.id, "staffId", staff.id,
                        "start", at(localTime).toOffsetDateTime().toString()))
                .post("/v1/appointments").then();
    }

    private ZonedDateTime at(String localTime) {
        return day.atTime(LocalTime.parse(localTime)).atZone(BERLIN);
    }
}
