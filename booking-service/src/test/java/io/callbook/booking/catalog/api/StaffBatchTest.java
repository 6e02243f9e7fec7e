package io.callbook.booking.catalog.api;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.SlotsChangedRecorder;
import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing staff is all or nothing, hours included; availability of each branch touched is dropped once. */
@QuarkusTest
class StaffBatchTest {

    private static final String PATH = "/v1/companies/{c}/staff/batch";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    BookingFixtures fixtures;
    @Inject
    BranchDirectory branches;
    @Inject
    SlotsChangedRecorder slots;
    @Inject
    BookingConfig config;

    private UUID company;
    private BranchData main;
    private BranchData second;
    private UUID service;

    @BeforeEach
    void tenant() {
        main = fixtures.branch("Europe/Berlin");
        company = main.companyId();
        second = new BranchData(UUID.randomUUID(), company, "Second", "Europe/Berlin", "de-DE", "DE", true);
        branches.apply(second);
        service = fixtures.service(company, 30).id;
    }

    @Test
    void aValidBatchCreatesStaffWithServicesAndHours() {
        LocalDate day = LocalDate.now(BERLIN).plusDays(14);
        // cached while nobody works there: the batch must drop it
        availability(main, day).statusCode(200).body("days[0].slots", empty());
        slots.forget(company);

        String anna = batch(List.of(item(main, "Anna", everyDayNineToFive()), item(main, "Ben", null),
                        item(second, "Cem", everyDayNineToFive())))
                .statusCode(201)
                .header("RateLimit-Limit", "60")
                .body("items", hasSize(3))
                .body("items.name", contains("Anna", "Ben", "Cem"))
                .body("items.branchId", contains(main.id().toString(), main.id().toString(), second.id().toString()))
                .body("items[0].serviceIds", contains(service.toString()))
                .extract().path("items[0].id");

        admin().get("/v1/companies/{c}/staff/{s}/hours", company, anna).then().statusCode(200).body("$", hasSize(14));
        List<SlotsChanged> changes = slots.all(company);
        assertEquals(Set.of(main.id(), second.id()), changes.stream().map(SlotsChanged::branchId).collect(Collectors.toSet()));
        assertEquals(2, changes.size(), "once per branch, not per staff member: " + changes);
        assertTrue(changes.stream().allMatch(SlotsChanged::wholeBranch));
        availability(main, day).statusCode(200).body("days[0].slots", hasSize(14))
                .body("days[0].slots[0].staffIds", contains(anna));
    }

    @Test
    void invalidItemsAreAllListedAndNothingIsWritten() {
        Map<String, Object> breakOutside = item(main, "Break", Map.of("days", List.of(Map.of("day", "MONDAY",
                "start", "09:00", "end", "12:00", "breaks", List.of(Map.of("start", "13:00", "end", "14:00"))))));
        Map<String, Object> unknownService = item(main, "Ghost", null);
        unknownService.put("serviceIds", List.of(UUID.randomUUID().toString()));
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(main, "Fine", everyDayNineToFive()));
        items.add(item(fixtures.branch("Europe/Berlin"), "Elsewhere", null));
        items.add(unknownService);
        items.add(breakOutside);
        items.add(item(main, " ", null));
        items.add(null);
        slots.forget(company);

        batch(items).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-invalid"))
                .body("errors.index", contains(1, 2, 3, 4, 5))
                .body("errors.status", contains(404, 422, 422, 400, 400))
                .body("errors.type", contains(endsWith("/not-found"), endsWith("/unknown-service"),
                        endsWith("/invalid-hours"), endsWith("/validation"), endsWith("/invalid-request")))
                .body("errors[3].detail", startsWith("name: "));

        assertEquals(List.of(), staffIds(main));
        assertEquals(List.of(), slots.all(company));
    }

    @Test
    void anEmptyOrOversizedBatchIsRefused() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= config.maxImportBatchSize(); i++) {
            items.add(item(main, "Staff " + i, null));
        }
        batch(items).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-too-large"))
                .body("maxItems", equalTo(config.maxImportBatchSize()));
        batch(List.of()).statusCode(422).body("type", endsWith("/batch-empty"));
        admin().body(Map.of()).post(PATH, company).then().statusCode(400).contentType("application/problem+json");
        assertEquals(List.of(), staffIds(main));
    }

    @Test
    void tenantsImportIntoTheirOwnCompanyOnly() {
        BranchData neighbour = fixtures.branch("Europe/Vienna");
        Map<String, Object> body = Map.of("items", List.of(item(main, "Anna", null)));
        given().auth().oauth2(TestTokens.tenantAdmin(neighbour.companyId())).contentType(ContentType.JSON).body(body)
                .post(PATH, company).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.tenantAdmin(neighbour.companyId())).contentType(ContentType.JSON).body(body)
                .post(PATH, neighbour.companyId()).then().statusCode(422)
                .body("errors.index", contains(0)).body("errors.status", contains(404));
        given().auth().oauth2(TestTokens.agent(company)).contentType(ContentType.JSON).body(body)
                .post(PATH, company).then().statusCode(403);
        assertEquals(List.of(), staffIds(main));

        given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON).body(body)
                .post(PATH, company).then().statusCode(201);
        assertEquals(1, staffIds(main).size());
    }

    private Map<String, Object> item(BranchData branch, String name, Map<String, Object> hours) {
        Map<String, Object> item = new HashMap<>();
        item.put("branchId", branch.id().toString());
        item.put("name", name);
        item.put("serviceIds", List.of(service.toString()));
        if (hours != null) {
            item.put("hours", hours);
        }
        return item;
    }

    private static Map<String, Object> everyDayNineToFive() {
        return Map.of("days", java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> Map.of("day", day.name(), "start", "09:00", "end", "17:00",
                        "breaks", List.of(Map.of("start", "12:00", "end", "13:00"))))
                .toList());
    }

    private ValidatableResponse batch(List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        return admin().body(body).post(PATH, company).then();
    }

    private ValidatableResponse availability(BranchData branch, LocalDate day) {
        return given().auth().oauth2(TestTokens.agent(company)).queryParam("serviceId", service)
                .queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/v1/branches/{id}/availability", branch.id()).then();
    }

    private List<String> staffIds(BranchData branch) {
        return admin().get("/v1/companies/{c}/staff?branchId={b}", company, branch.id()).then().statusCode(200)
                .extract().path("items.id");
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON);
    }
}
