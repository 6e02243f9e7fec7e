package io.callbook.booking;

import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.testsupport.Fuzz;
import io.callbook.testsupport.Fuzz.Body;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hostile input to every body of the booking API and to availability's dates and time zones: each answer is a
 * success or a 4xx problem, never a 500, and a refused request writes nothing (the tenant's rows in every table,
 * outbox included, are counted before and after).
 *
 * <p>jqwik's generators run programmatically here ({@link Fuzz#samples}) rather than as {@code @Property} methods:
 * a property gets no Quarkus injection or started application, and this test needs both (fixtures, real PostgreSQL).
 */
@QuarkusTest
class InputFuzzTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    BookingFixtures fixtures;
    @Inject
    DataSource dataSource;

    private BranchData branch;
    private UUID company;
    private BookableService service;
    private Staff staff;
    private LocalDate day;
    private String admin;
    private String agent;

    @BeforeEach
    void salon() {
        branch = fixtures.branch("Europe/Berlin");
        company = branch.companyId();
        admin = TestTokens.tenantAdmin(company);
        agent = TestTokens.agent(company);
        service = fixtures.service(company, 30, 15, 0, 0, 0, 365);
        staff = fixtures.staffAlwaysWorking(branch, Set.of(service.id));
        day = LocalDate.now(BERLIN).plusDays(3);
    }

    @Test
    void catalogBodies() {
        String services = "/v1/companies/" + company + "/services";
        check("POST", services, Map.of("name", "Haarschnitt", "durationMinutes", 30, "slotIntervalMinutes", 15,
                "bufferBeforeMinutes", 5, "bufferAfterMinutes", 5, "minNoticeMinutes", 60, "bookingWindowDays", 60,
                "priceCents", 2500, "currency", "EUR"));
        check("PUT", services + "/" + service.id, Map.of("name", "Haarschnitt", "durationMinutes", 45, "active", true));
        String staffPath = "/v1/companies/" + company + "/staff";
        check("POST", staffPath, Map.of("branchId", branch.id().toString(), "name", "Anna", "email", "anna@example.de",
                "serviceIds", List.of(service.id.toString())));
        check("PUT", staffPath + "/" + staff.id, Map.of("name", "Anna B.", "serviceIds", List.of(service.id.toString()),
                "active", true));
        Map<String, Object> week = Map.of("days", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00",
                "breaks", List.of(Map.of("start", "12:00", "end", "13:00")))));
        check("PUT", staffPath + "/" + staff.id + "/hours", week);
        check("POST", staffPath + "/batch", Map.of("items", List.of(Map.of("branchId", branch.id().toString(),
                "name", "Ben", "serviceIds", List.of(service.id.toString()), "hours", week))));
    }

    @Test
    void aStaffUpdateThatLeavesTheServicesAloneStillListsThem() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Anna B."))
                .put("/v1/companies/{c}/staff/{s}", company, staff.id)
                .then().statusCode(200).body("name", equalTo("Anna B.")).body("serviceIds[0]", equalTo(service.id.toString()));
    }

    @Test
    void hoursOfOddDates() {
        Map<String, Object> hours = Map.of("work", List.of(Map.of("start", "10:00", "end", "14:00")),
                "breaks", List.of(Map.of("start", "12:00", "end", "12:30")));
        String staffPath = "/v1/companies/" + company + "/staff/" + staff.id;
        check("PUT", staffPath + "/dates/" + day, hours);
        for (String date : Fuzz.samples(dates(), Fuzz.TRIES / 2, "override-dates")) {
            // Encoded here, not as a path parameter: RestAssured's own templating never returned for some values.
            String encoded = URLEncoder.encode(date, StandardCharsets.UTF_8).replace("+", "%20");
            Fuzz.assertProblemOrSuccess(given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(hours).urlEncodingEnabled(false).put(staffPath + "/dates/" + encoded), date);
            Fuzz.assertProblemOrSuccess(given().auth().oauth2(admin).queryParam("from", date)
                    .queryParam("to", day.toString()).get(staffPath + "/dates"), date);
        }
    }

    @Test
    void customerBodies() {
        String customers = "/v1/companies/" + company + "/customers";
        check("POST", customers, Map.of("phone", "+4915123456789", "name", "Eva Muster", "email", "eva@example.de",
                "region", "DE"));
        check("POST", customers + "/batch", Map.of("items", List.of(
                Map.of("phone", "030 1234567", "name", "Max", "region", "DE"),
                Map.of("phone", "sip:+4940123456@sip.provider.com;user=phone", "name", "Moritz"))));
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("phone", "+4930555123", "name", "Lena")).post(customers).then().statusCode(200)
                .extract().path("id");
        check("PUT", customers + "/" + id, Map.of("name", "Lena K.", "email", "lena@example.de"));
        for (List<String> query : Fuzz.samples(Combinators.combine(phoneNumbers(),
                Arbitraries.of("DE", "de", "ZZ", "", "DEU").injectNull(0.5)).as(Arrays::asList), Fuzz.TRIES / 2, "find")) {
            var request = given().auth().oauth2(agent).queryParam("phone", query.get(0));
            if (query.get(1) != null) {
                request.queryParam("region", query.get(1));
            }
            Fuzz.assertProblemOrSuccess(request.get(customers), query);
        }
    }

    @Test
    void telAndSipUrisAreTheCustomersNumber() {
        String customers = "/v1/companies/" + company + "/customers";
        String id = given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("phone", "tel:+49-30-7654321", "name", "Uri Tel")).post(customers)
                .then().statusCode(200).body("phone", equalTo("+49307654321")).extract().path("id");
        for (String uri : List.of("sip:+49307654321@sip.provider.com;user=phone", "<sip:+49307654321@10.0.0.1>",
                "sips:%2B49307654321@trunk.example.de;transport=tls", "tel:+49307654321")) {
            given().auth().oauth2(agent).queryParam("phone", uri).get(customers)
                    .then().statusCode(200).body("items[0].id", equalTo(id));
        }
    }

    @Test
    void timeOffBodies() {
        check("POST", "/v1/companies/" + company + "/time-off", Map.of("branchId", branch.id().toString(),
                "staffId", staff.id.toString(), "startsAt", at(10, 0), "endsAt", at(12, 0), "reason", "Arzttermin"));
    }

    @Test
    void appointmentBodies() {
        Map<String, Object> booking = Map.of("branchId", branch.id().toString(), "serviceId", service.id.toString(),
                "staffId", staff.id.toString(), "start", at(8, 0), "customer",
                Map.of("phone", "+4915123456789", "name", "Eva", "email", "eva@example.de"),
                "notes", "Bitte pünktlich", "source", "voice", "hold", false, "confirm", true);
        check("POST", "/v1/appointments", booking);
        check("POST", "/v1/appointments/batch", Map.of("items", List.of(booking)));
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("branchId", branch.id().toString(), "serviceId", service.id.toString(),
                        "staffId", staff.id.toString(), "start", at(6, 0)))
                .post("/v1/appointments").then().statusCode(201).extract().path("id");
        check("POST", "/v1/appointments/" + id + "/reschedule", Map.of("start", at(7, 0), "staffId", staff.id.toString()));
        check("POST", "/v1/appointments/" + id + "/status", Map.of("status", "confirmed", "reason", "ok"));
        check("POST", "/v1/appointments/" + id + "/cancel", Map.of("reason", "Krank"));
    }

    @Test
    void availabilityOfAnyDatesAndTimeZones() {
        String path = "/v1/branches/" + branch.id() + "/availability";
        Arbitrary<String> zones = Arbitraries.oneOf(Arbitraries.of(ZoneId.getAvailableZoneIds()),
                Arbitraries.of("", " ", "UTC", "Z", "+14:00", "-18:00", "+18:01", "GMT+99", "Europe/Atlantis", "../etc",
                        "SystemV/AST4", "EST5EDT", "x".repeat(300)),
                Arbitraries.strings().all().ofMaxLength(20));
        var queries = Fuzz.samples(Combinators.combine(dates(), dates(), zones.injectNull(0.3),
                Arbitraries.of(service.id.toString(), "not-a-uuid", UUID.randomUUID().toString(), "").injectNull(0.1))
                .as(Arrays::asList), Fuzz.TRIES, "availability");
        for (List<String> query : queries) {
            var request = given().auth().oauth2(agent).queryParam("from", query.get(0))
                    .queryParam("to", query.get(1));
            if (query.get(2) != null) {
                request.queryParam("timeZone", query.get(2));
            }
            if (query.get(3) != null) {
                request.queryParam("serviceId", query.get(3));
            }
            Fuzz.assertProblemOrSuccess(request.get(path), query);
        }
    }

    private void check(String method, String path, Map<String, ?> valid) {
        Arbitrary<Object> domainValues = Arbitraries.oneOf(dates().map(d -> d), phoneNumbers().map(p -> p),
                Arbitraries.of(service.id.toString(), staff.id.toString(), branch.id().toString(), at(9, 0), at(23, 45),
                        "MONDAY", "SUNDAY", "23:59", "00:00", "12:00:00.123456789", "EUR", "eur", "€", "pending",
                        "no_show", "api", "calendar", "held"));
        List<Body> bodies = Fuzz.samples(Fuzz.bodies(valid, domainValues), Fuzz.TRIES, method + path.replace(
                company.toString(), ""));
        Fuzz.check(bodies, body -> send(body, method, path), () -> Fuzz.tenantRows(dataSource, company));
    }

    private Response send(Body body, String method, String path) {
        return Fuzz.given(body).auth().oauth2(admin).request(method, path);
    }

    private String at(int hour, int minute) {
        return OffsetDateTime.of(day.atTime(hour, minute), BERLIN.getRules().getOffset(day.atTime(hour, minute)))
                .toString();
    }

    private Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-400, 800).map(days -> day.plusDays(days).toString()),
                Arbitraries.of("2026-02-29", "2028-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01",
                        "-0001-12-31", "+999999999-12-31", "-999999999-01-01", "9999-12-31", "1970-01-01",
                        "2026-03-29", "2026-10-25", "2026-5-4", "20260504", "2026-05-04T10:00", "2026-05-04Z", "today",
                        "", " ", "null", "x".repeat(300), "２０２６-05-04", "٢٠٢٦-٠٥-٠٤"),
                // Printable ASCII: the client must be able to put it into a path.
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12));
    }

    private static Arbitrary<String> phoneNumbers() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("", "+", "+49", "0", "tel:", "tel:+", "sip:+", "<sip:+", "sips:%2B"),
                                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18),
                                Arbitraries.of("", "@sip.provider.com;user=phone", ";ext=1", ";phone-context=+49", ">"))
                        .as((prefix, number, suffix) -> prefix + number + suffix),
                Arbitraries.strings().withChars("+0123456789 ()-./#;=:@%<>telsipx").ofMaxLength(70),
                Arbitraries.of("anonymous", "sip:anonymous@anonymous.invalid", "", "+", "0".repeat(200)));
    }
}
