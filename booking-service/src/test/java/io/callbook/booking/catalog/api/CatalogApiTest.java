package io.callbook.booking.catalog.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class CatalogApiTest {

    @Inject
    BookingFixtures fixtures;

    private BranchData branch;
    private UUID company;

    @BeforeEach
    void tenant() {
        branch = fixtures.branch("Europe/Berlin");
        company = branch.companyId();
    }

    @Test
    void servicesStaffAndHoursCanBeSetUpThroughTheApi() {
        String service = admin().body(Map.of("name", "Haircut", "durationMinutes", 30, "bufferAfterMinutes", 10,
                        "minNoticeMinutes", 60, "priceCents", 3500, "currency", "eur"))
                .post("/v1/companies/{c}/services", company)
                .then().statusCode(201).header("Location", containsString("/services/"))
                .body("slotIntervalMinutes", equalTo(30)).body("currency", equalTo("EUR"))
                .body("bookingWindowDays", equalTo(60)).extract().path("id");

        String staff = admin().body(Map.of("branchId", branch.id(), "name", "Anna Weber", "serviceIds", List.of(service)))
                .post("/v1/companies/{c}/staff", company)
                .then().statusCode(201).body("serviceIds", hasSize(1)).extract().path("id");

        admin().body(Map.of("days", List.of(
                        Map.of("day", "MONDAY", "start", "09:00", "end", "17:00",
                                "breaks", List.of(Map.of("start", "12:00", "end", "12:30"))),
                        Map.of("day", "TUESDAY", "start", "10:00", "end", "14:00"))))
                .put("/v1/companies/{c}/staff/{s}/hours", company, staff)
                .then().statusCode(200).body("$", hasSize(3))
                .body("[0].day", equalTo("MONDAY")).body("[1].kind", equalTo("break"));

        admin().body(Map.of("work", List.of(Map.of("start", "08:00", "end", "11:00"))))
                .put("/v1/companies/{c}/staff/{s}/dates/{d}", company, staff, "2026-12-24")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].date", equalTo("2026-12-24"));

        given().auth().oauth2(TestTokens.agent(company))
                .get("/v1/companies/{c}/staff?branchId={b}", company, branch.id())
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].name", equalTo("Anna Weber"));

        admin().body(Map.of("branchId", branch.id(), "startsAt", "2026-12-24T00:00:00Z", "endsAt", "2026-12-27T00:00:00Z",
                        "reason", "Christmas"))
                .post("/v1/companies/{c}/time-off", company).then().statusCode(201).body("staffId", equalTo(null));
        admin().get("/v1/companies/{c}/time-off?branchId={b}&from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z",
                company, branch.id()).then().statusCode(200).body("$", hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            break outside working hours | {"days":[{"day":"MONDAY","start":"09:00","end":"12:00","breaks":[{"start":"13:00","end":"14:00"}]}]} | 422
            overlapping work            | {"days":[{"day":"MONDAY","start":"09:00","end":"12:00"},{"day":"MONDAY","start":"11:00","end":"15:00"}]} | 422
            end before start            | {"days":[{"day":"MONDAY","start":"17:00","end":"09:00"}]} | 422
            unknown weekday             | {"days":[{"day":"MOONDAY","start":"09:00","end":"17:00"}]} | 400
            malformed time              | {"days":[{"day":"MONDAY","start":"9 am","end":"17:00"}]} | 400
            missing days                | {} | 400
            """)
    void badWeeklyHoursAreRejectedAndNothingChanges(String name, String body, int status) {
        String staff = staffWithHours();
        admin().body(body).put("/v1/companies/{c}/staff/{s}/hours", company, staff)
                .then().statusCode(status).contentType("application/problem+json");
        admin().get("/v1/companies/{c}/staff/{s}/hours", company, staff).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void badServicesAreRejected() {
        admin().body(Map.of("name", "Too short", "durationMinutes", 2)).post("/v1/companies/{c}/services", company)
                .then().statusCode(400).contentType("application/problem+json").body("violations", notNullValue());
        admin().body(Map.of("name", "Half a price", "durationMinutes", 30, "priceCents", 100))
                .post("/v1/companies/{c}/services", company).then().statusCode(422);
        admin().body(Map.of("branchId", branch.id(), "name", "Ghost", "serviceIds", List.of(UUID.randomUUID())))
                .post("/v1/companies/{c}/staff", company).then().statusCode(422).body("detail", containsString("do not exist"));
        admin().body(Map.of("branchId", UUID.randomUUID(), "name", "Nowhere"))
                .post("/v1/companies/{c}/staff", company).then().statusCode(404);
    }

    @Test
    void tenantsAndRolesAreKeptApart() {
        String staff = staffWithHours();
        BranchData other = fixtures.branch("Europe/Vienna");
        given().auth().oauth2(TestTokens.tenantAdmin(other.companyId()))
                .get("/v1/companies/{c}/staff/{s}", company, staff).then().statusCode(404);
        given().auth().oauth2(TestTokens.tenantAdmin(other.companyId()))
                .get("/v1/companies/{c}/staff/{s}", other.companyId(), staff).then().statusCode(404);
        given().auth().oauth2(TestTokens.agent(company)).contentType(ContentType.JSON)
                .body(Map.of("name", "Agent's own", "durationMinutes", 30))
                .post("/v1/companies/{c}/services", company).then().statusCode(403);
        given().get("/v1/companies/{c}/services", company).then().statusCode(401);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/companies/{c}/staff/{s}", company, staff)
                .then().statusCode(200);
    }

    @Test
    void onlyTokensIssuedForBookingServiceAreAccepted() {
        given().auth().oauth2(TestTokens.forAudience(company, java.util.Set.of("resolver-service", "webhook-service")))
                .get("/v1/companies/{c}/services", company).then().statusCode(401);
        given().auth().oauth2(TestTokens.forAudience(company, java.util.Set.of("booking-service")))
                .get("/v1/companies/{c}/services", company).then().statusCode(200);
    }

    @Test
    void customersAreOnePerPhoneNumberAndFoundByPhoneOrEmail() {
        String agent = TestTokens.agent(company);
        String id = given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("phone", "030 1234567", "name", "Clara Weber"))
                .post("/v1/companies/{c}/customers", company)
                .then().statusCode(200).body("phone", equalTo("+49301234567")).extract().path("id");
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("phone", "+49 30 1234567", "email", "Clara@Example.org"))
                .post("/v1/companies/{c}/customers", company)
                .then().statusCode(200).body("id", equalTo(id)).body("name", equalTo("Clara Weber"))
                .body("email", equalTo("clara@example.org"));

        given().auth().oauth2(agent).get("/v1/companies/{c}/customers?phone={p}", company, "+49301234567")
                .then().statusCode(200).body("items[0].id", equalTo(id));
        admin().get("/v1/companies/{c}/customers?email={e}", company, "CLARA@example.org")
                .then().statusCode(200).body("items[0].id", equalTo(id));
        given().auth().oauth2(agent).get("/v1/companies/{c}/customers?phone={p}", company, "+49301111111")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("phone", "call me maybe"))
                .post("/v1/companies/{c}/customers", company)
                .then().statusCode(422).body("reason", equalTo("malformed"));

        BranchData other = fixtures.branch("Europe/Berlin");
        given().auth().oauth2(TestTokens.agent(other.companyId()))
                .get("/v1/companies/{c}/customers/{id}", other.companyId(), id).then().statusCode(404);
    }

    @Test
    void aStaffMemberWithAnAppointmentAheadStaysUntilItIsCancelled() {
        BookableService service = fixtures.service(company, 30);
        Staff anna = fixtures.staff(branch, Set.of(service.id));
        fixtures.everyDayNineToFive(anna);
        String start = BookingFixtures.nextWeekInBerlin(DayOfWeek.MONDAY, 10, 0).toOffsetDateTime().toString();
        String appointment = admin().body(Map.of("branchId", branch.id(), "serviceId", service.id, "staffId", anna.id,
                        "start", start, "customer", Map.of("phone", "+49 30 5550100", "name", "Clara Meyer")))
                .post("/v1/appointments").then().statusCode(201).extract().path("id");

        admin().delete("/v1/companies/{c}/staff/{s}", company, anna.id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("1 upcoming appointment"));

        admin().body(Map.of("reason", "Kundin hat abgesagt")).post("/v1/appointments/{a}/cancel", appointment)
                .then().statusCode(200).body("status", equalTo("cancelled"));
        admin().delete("/v1/companies/{c}/staff/{s}", company, anna.id).then().statusCode(204);
        admin().get("/v1/companies/{c}/staff/{s}", company, anna.id).then().statusCode(404);
    }

    private String staffWithHours() {
        String staff = admin().body(Map.of("branchId", branch.id(), "name", "Ben"))
                .post("/v1/companies/{c}/staff", company).then().statusCode(201).extract().path("id");
        admin().body(Map.of("days", List.of(Map.of("day", "FRIDAY", "start", "09:00", "end", "13:00"))))
                .put("/v1/companies/{c}/staff/{s}/hours", company, staff).then().statusCode(200);
        return staff;
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON);
    }
}
