package io.callbook.booking.availability.api;

import io.callbook.booking.AvailabilityFixtures;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AvailabilityResourceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    BookingFixtures fixtures;
    @Inject
    AvailabilityFixtures more;

    BranchData branch;
    UUID company;
    BookableService haircut;
    Staff anna;
    Staff ben;
    /** Two weeks ahead: inside the booking window, past any notice. */
    LocalDate day;

    @BeforeEach
    void catalog() {
        branch = fixtures.branch("Europe/Berlin");
        company = branch.companyId();
        haircut = fixtures.service(company, 30);
        anna = fixtures.staff(branch, Set.of(haircut.id));
        fixtures.everyDayNineToFive(anna);
        ben = fixtures.staff(branch, Set.of(haircut.id));
        day = LocalDate.now(BERLIN).plusDays(14);
        more.override(ben, day, HoursKind.WORK, "10:00", "11:00");
    }

    @Test
    void freeSlotsPerDayInTheBranchZoneWithEveryStaffMemberWhoCanTakeThem() {
        ValidatableResponse response = availability(TestTokens.agent(company), day, day.plusDays(1), null, null)
                .statusCode(200)
                .body("branchId", equalTo(branch.id().toString()))
                .body("serviceId", equalTo(haircut.id.toString()))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("days.date", contains(day.toString(), day.plusDays(1).toString()))
                // 09:00–12:00 and 13:00–17:00: 6 + 8 half hours; the break has none.
                .body("days[0].slots", hasSize(14))
                .body("days[0].slots[0].start", equalTo(at(day, "09:00")))
                .body("days[0].slots[0].end", equalTo(at(day, "09:30")))
                .body("days[0].slots[0].staffIds", contains(anna.id.toString()))
                .body("days[0].slots.start", not(hasItem(at(day, "12:00"))))
                .body("days[0].slots.find { it.start == '%s' }.staffIds".formatted(at(day, "10:00")),
                        containsInAnyOrder(anna.id.toString(), ben.id.toString()))
                // Ben's override was for the first day only; he has no weekly hours.
                .body("days[1].slots", hasSize(14))
                .body("days[1].slots.staffIds.flatten()", not(hasItem(ben.id.toString())));
        response.header("ETag", startsWith("\""));
    }

    @Test
    void withoutStaffTheSameSlotsAreListedWithTimesOnly() {
        List<String> withStaff = availability(TestTokens.agent(company), day, day, null, null).statusCode(200)
                .extract().jsonPath().getList("days[0].slots.start");
        given().auth().oauth2(TestTokens.agent(company)).queryParam("serviceId", haircut.id)
                .queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("withStaff", false)
                .get("/v1/branches/{id}/availability", branch.id()).then().statusCode(200)
                .header("ETag", startsWith("\""))
                .body("days[0].slots.start", equalTo(withStaff))
                .body("days[0].slots[0].end", equalTo(at(day, "09:30")))
                .body("days[0].slots.findAll { it.containsKey('staffIds') }", empty());
    }

    @Test
    void timeOffAppointmentsAndHoldsTakeTheirTime() {
        more.timeOff(company, branch.id(), null, instant(day, "09:00"), instant(day, "10:00"));
        more.appointment(haircut, anna, instant(day, "14:00"), AppointmentStatus.CONFIRMED, null);
        more.appointment(haircut, anna, instant(day, "15:00"), AppointmentStatus.HELD, Instant.now().minusSeconds(5));
        more.appointment(haircut, anna, instant(day, "16:00"), AppointmentStatus.HELD, Instant.now().plusSeconds(300));
        more.appointment(haircut, anna, instant(day, "16:30"), AppointmentStatus.CANCELLED, null);

        availability(TestTokens.tenantAdmin(company), day, day, null, null).statusCode(200)
                .body("days[0].slots.start", contains(at(day, "10:00"), at(day, "10:30"), at(day, "11:00"),
                        at(day, "11:30"), at(day, "13:00"), at(day, "13:30"), at(day, "14:30"), at(day, "15:00"),
                        at(day, "15:30"), at(day, "16:30")));
    }

    @Test
    void oneStaffMember() {
        Staff carl = fixtures.staff(branch, Set.of());
        fixtures.everyDayNineToFive(carl);
        BranchData otherBranch = fixtures.branch("Europe/Berlin");
        Staff stranger = fixtures.staff(otherBranch, Set.of(haircut.id));

        availability(TestTokens.agent(company), day, day, ben.id.toString(), null).statusCode(200)
                .body("days[0].slots.start", contains(at(day, "10:00"), at(day, "10:30")))
                .body("days[0].slots[0].staffIds", contains(ben.id.toString()));
        // Carl does not perform the service: he is never offered, and asking for him is a 422.
        availability(TestTokens.agent(company), day, day, null, null).statusCode(200)
                .body("days[0].slots.staffIds.flatten()", not(hasItem(carl.id.toString())));
        problem(availability(TestTokens.agent(company), day, day, carl.id.toString(), null), 422, "staff-lacks-service");
        problem(availability(TestTokens.agent(company), day, day, UUID.randomUUID().toString(), null), 404, "not-found");
        problem(availability(TestTokens.agent(company), day, day, stranger.id.toString(), null), 404, "not-found");
    }

    @Test
    void datesAndTimesOfAnotherZone() {
        // Berlin 09:00 in December is 03:00 in New York.
        availability(TestTokens.agent(company), day, day, null, "America/New_York").statusCode(200)
                .body("timeZone", equalTo("America/New_York"))
                .body("days.date", contains(day.toString()))
                .body("days[0].slots[0].start", equalTo(instant(day, "09:00").atZone(ZoneId.of("America/New_York"))
                        .toOffsetDateTime().format(ISO)));
    }

    @Test
    void dstNightsOfTheBranchZoneNeitherLoseNorDoubleSlots() {
        ZoneOffsetTransition first = BERLIN.getRules().nextTransition(Instant.now());
        ZoneOffsetTransition second = BERLIN.getRules().nextTransition(first.getInstant());
        for (ZoneOffsetTransition transition : List.of(first, second)) {
            LocalDate night = transition.getDateTimeBefore().toLocalDate();
            more.override(anna, night, HoursKind.WORK, transition.isGap() ? "01:30" : "01:00", transition.isGap() ? "03:30" : "04:00");
            List<String> starts = availability(TestTokens.agent(company), night, night, anna.id.toString(), null).statusCode(200)
                    .extract().jsonPath().getList("days[0].slots.start", String.class);
            if (transition.isGap()) {
                // 01:30–03:30 is one real hour: 01:30 and 03:00, nothing at the missing 02:00 or 02:30.
                assertTrue(starts.equals(List.of(night + "T01:30:00+01:00", night + "T03:00:00+02:00")), starts.toString());
            } else {
                // 01:00–04:00 is four real hours: eight half hours, 02:00 and 02:30 once with each offset.
                assertTrue(starts.equals(List.of(night + "T01:00:00+02:00", night + "T01:30:00+02:00",
                        night + "T02:00:00+02:00", night + "T02:30:00+02:00", night + "T02:00:00+01:00",
                        night + "T02:30:00+01:00", night + "T03:00:00+01:00", night + "T03:30:00+01:00")), starts.toString());
            }
        }
    }

    @Test
    void minimumNoticeAndBookingWindowFollowTheClock() {
        BookableService consult = fixtures.service(company, 30, 30, 0, 0, 24 * 60, 3);
        Staff dora = fixtures.staff(branch, Set.of(consult.id));
        LocalDate today = LocalDate.now(BERLIN);
        for (int i = 0; i < 6; i++) {
            more.override(dora, today.plusDays(i), HoursKind.WORK, "00:00", "23:30");
        }
        Instant now = Instant.now();
        List<String> starts = given().auth().oauth2(TestTokens.agent(company))
                .queryParam("serviceId", consult.id).queryParam("from", today.toString()).queryParam("to", today.plusDays(5).toString())
                .get("/v1/branches/{id}/availability", branch.id())
                .then().statusCode(200).extract().jsonPath().getList("days.slots.start.flatten()", String.class);
        // Working 00:00–23:30 every day, so slots come close to both limits: the longest gap between two starts is the
        // night's hour from 23:00 to 00:00, whatever the time of day the test runs.
        assertTrue(OffsetDateTime.parse(starts.get(0)).toInstant().isBefore(now.plusSeconds(24 * 3600 + 61 * 60)), starts.get(0));
        assertTrue(OffsetDateTime.parse(starts.get(starts.size() - 1)).toInstant().isAfter(now.plusSeconds(3 * 24 * 3600 - 61 * 60)),
                starts.get(starts.size() - 1));
        for (String start : starts) {
            Instant at = OffsetDateTime.parse(start).toInstant();
            assertTrue(!at.isBefore(now.plusSeconds(24 * 3600)), "inside minimum notice: " + start);
            assertTrue(!at.isAfter(now.plusSeconds(3 * 24 * 3600 + 60)), "beyond the booking window: " + start);
        }
    }

    @Test
    void inactiveUnknownAndForeignServices() {
        BookableService retired = fixtures.service(company, 45);
        more.deactivate(retired);
        problem(availabilityOf(TestTokens.agent(company), retired.id.toString()), 422, "service-inactive");
        problem(availabilityOf(TestTokens.agent(company), UUID.randomUUID().toString()), 404, "not-found");
        BookableService foreign = fixtures.service(UUID.randomUUID(), 30);
        problem(availabilityOf(TestTokens.agent(company), foreign.id.toString()), 404, "not-found");
    }

    @Test
    void anotherTenantsBranchIsNotFound() {
        UUID otherCompany = UUID.randomUUID();
        problem(availability(TestTokens.agent(otherCompany), day, day, null, null), 404, "not-found");
        problem(availability(TestTokens.tenantAdmin(otherCompany), day, day, null, null), 404, "not-found");
        availability(TestTokens.platformAdmin(), day, day, null, null).statusCode(200);
        problem(given().auth().oauth2(TestTokens.agent(company)).queryParam("serviceId", haircut.id)
                .queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/v1/branches/{id}/availability", UUID.randomUUID()).then(), 404, "not-found");
    }

    @Test
    void tokenAndRoleAreRequired() {
        given().queryParam("serviceId", haircut.id).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/v1/branches/{id}/availability", branch.id())
                .then().statusCode(401).contentType("application/problem+json");
        problem(availability(TestTokens.ops(), day, day, null, null), 403, "forbidden");
        problem(availability(TestTokens.expired(company), day, day, null, null), 401, "unauthenticated");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            from after to          | SERVICE | 2030-01-02 | 2030-01-01 | -                | -            | 400 | invalid-range
            range too long         | SERVICE | 2030-01-01 | 2030-02-01 | -                | -            | 400 | invalid-range
            malformed from         | SERVICE | 2030-13-01 | 2030-01-01 | -                | -            | 400 | invalid-parameter
            date with time         | SERVICE | 2030-01-01T10:00 | 2030-01-01 | -          | -            | 400 | invalid-parameter
            missing to             | SERVICE | 2030-01-01 | -          | -                | -            | 400 | validation
            missing service        | -       | 2030-01-01 | 2030-01-01 | -                | -            | 400 | validation
            malformed service id   | nope    | 2030-01-01 | 2030-01-01 | -                | -            | 400 | invalid-parameter
            malformed staff id     | SERVICE | 2030-01-01 | 2030-01-01 | 123              | -            | 400 | invalid-parameter
            unknown zone           | SERVICE | 2030-01-01 | 2030-01-01 | -                | Mars/Olympus | 400 | invalid-parameter
            """)
    void badInputIsAProblem(String name, String service, String from, String to, String staff, String zone, int status,
                            String slug) {
        RequestSpecification request = given().auth().oauth2(TestTokens.agent(company));
        if (service != null) {
            request.queryParam("serviceId", service.equals("SERVICE") ? haircut.id.toString() : service);
        }
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        if (staff != null) {
            request.queryParam("staffId", staff);
        }
        if (zone != null) {
            request.queryParam("timeZone", zone);
        }
        problem(request.get("/v1/branches/{id}/availability", branch.id()).then(), status, slug);
    }

    @Test
    void malformedBranchIdNamesNoBranch() {
        problem(given().auth().oauth2(TestTokens.agent(company)).queryParam("serviceId", haircut.id)
                .queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/v1/branches/not-a-uuid/availability").then(), 404, "not-found");
    }

    @Test
    void aBranchWithoutStaffForTheServiceHasEmptyDays() {
        BookableService nobodyDoesIt = fixtures.service(company, 60);
        availabilityOf(TestTokens.agent(company), nobodyDoesIt.id.toString()).statusCode(200)
                .body("days", hasSize(1))
                .body("days[0].slots", empty());
    }

    private ValidatableResponse availability(String token, LocalDate from, LocalDate to, String staffId, String zone) {
        RequestSpecification request = given().auth().oauth2(token)
                .queryParam("serviceId", haircut.id).queryParam("from", from.toString()).queryParam("to", to.toString());
        if (staffId != null) {
            request.queryParam("staffId", staffId);
        }
        if (zone != null) {
            request.queryParam("timeZone", zone);
        }
        return request.get("/v1/branches/{id}/availability", branch.id()).then();
    }

    private ValidatableResponse availabilityOf(String token, String serviceId) {
        return given().auth().oauth2(token).queryParam("serviceId", serviceId)
                .queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/v1/branches/{id}/availability", branch.id()).then();
    }

    private static void problem(ValidatableResponse response, int status, String slug) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("https://callbook.io/problems/" + slug));
    }

    static Instant instant(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }

    static String at(LocalDate date, String time) {
        return instant(date, time).atZone(BERLIN).toOffsetDateTime().format(ISO);
    }
}
