package io.callbook.resolver.api;

import io.callbook.common.contracts.directory.DirectoryEvents;
import io.callbook.testsupport.TestTokens;
import io.callbook.resolver.Directory;
import io.callbook.resolver.domain.ResolverConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Importing numbers is all or nothing: checked as a whole, written in one transaction with an event per number. */
@QuarkusTest
class PhoneNumberBatchTest {

    private static final String PATH = "/v1/companies/{company}/phone-numbers/batch";

    @Inject
    DataSource dataSource;
    @Inject
    ResolverConfig config;

    private UUID company;
    private UUID main;
    private UUID second;

    @BeforeEach
    void directory() {
        company = Directory.company("Import GmbH");
        main = Directory.branch(company, "Main");
        second = Directory.branch(company, "Second");
    }

    @Test
    void aValidBatchAssignsEveryNumberWithAnEventEach() {
        String first = Directory.freshBerlinNumber();
        String national = Directory.freshBerlinNumber();
        String third = Directory.freshBerlinNumber();
        // a miss is cached: only the number's own event can make it resolve right away
        resolve(third).statusCode(404);

        batch(company, List.of(item(first, main), item("030 " + national.substring(5), second), item(third, second)))
                .statusCode(201)
                .header("RateLimit-Limit", "60")
                .body("items", hasSize(3))
                .body("items.e164", contains(first, national, third))
                .body("items.branchId", contains(main.toString(), second.toString(), second.toString()));

        assertEquals(List.of(1, 1, 1), List.of(events(first), events(national), events(third)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                resolve(third).statusCode(200).body("branchId", equalTo(second.toString())));
        resolve(first).statusCode(200).body("companyId", equalTo(company.toString()));
    }

    @Test
    void invalidItemsAreAllListedAndNothingIsWritten() {
        String good = Directory.freshBerlinNumber();
        Map<String, Object> noBranch = new HashMap<>(item(Directory.freshBerlinNumber(), main));
        noBranch.remove("branchId");
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(good, main));
        items.add(item("not a number", main));
        items.add(item(Directory.freshBerlinNumber(), UUID.randomUUID()));
        items.add(noBranch);
        items.add(item(good, second));
        items.add(null);

        batch(company, items).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-invalid"))
                .body("errors.index", contains(1, 2, 3, 4, 5))
                .body("errors.status", contains(422, 404, 400, 422, 400))
                .body("errors[1].type", endsWith("/not-found"))
                .body("errors[2].detail", startsWith("branchId"))
                .body("errors[3].type", endsWith("/duplicate-number"));

        assertEquals(0, numbersOf(company));
        assertEquals(0, events(good));
    }

    @Test
    void aNumberAssignedAlreadyAnswers409NamingItsIndexAndNothingIsWritten() {
        String taken = Directory.freshBerlinNumber();
        Directory.number(company, main, taken);
        UUID other = Directory.company("Other AG");
        String takenElsewhere = Directory.freshBerlinNumber();
        Directory.number(other, Directory.branch(other, "Other main"), takenElsewhere);
        String fresh = Directory.freshBerlinNumber();

        batch(company, List.of(item(fresh, main), item(takenElsewhere, main), item(taken, second))).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/number-assigned"))
                .body("index", equalTo(1))
                .body("detail", equalTo("Item 1: " + takenElsewhere + " is already assigned to another company"))
                .body("errors.index", contains(1, 2))
                .body("errors[1].detail", containsString("phone number "));

        assertEquals(1, numbersOf(company));
        assertEquals(0, events(fresh));
        resolve(fresh).statusCode(404);
    }

    @Test
    void anEmptyOrOversizedBatchIsRefused() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= config.maxImportBatchSize(); i++) {
            items.add(item(Directory.freshBerlinNumber(), main));
        }
        batch(company, items).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-too-large"))
                .body("maxItems", equalTo(config.maxImportBatchSize()));
        batch(company, List.of()).statusCode(422).body("type", endsWith("/batch-empty"));
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(Map.of())
                .post(PATH, company).then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, numbersOf(company));
    }

    @Test
    void tenantsImportIntoTheirOwnCompanyOnly() {
        UUID other = Directory.company("Neighbour KG");
        UUID otherBranch = Directory.branch(other, "Neighbour main");
        String number = Directory.freshBerlinNumber();
        List<Map<String, Object>> items = List.of(item(number, main));

        given().auth().oauth2(TestTokens.tenantAdmin(other)).contentType(ContentType.JSON).body(Map.of("items", items))
                .post(PATH, company).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.tenantAdmin(other)).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(item(number, main), item(Directory.freshBerlinNumber(), otherBranch))))
                .post(PATH, other).then().statusCode(422).body("errors.index", contains(0)).body("errors.status", contains(404));
        given().auth().oauth2(TestTokens.agent(company)).contentType(ContentType.JSON).body(Map.of("items", items))
                .post(PATH, company).then().statusCode(403);
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(Map.of("items", items))
                .post(PATH, UUID.randomUUID()).then().statusCode(404);
        assertEquals(0, events(number));

        given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON).body(Map.of("items", items))
                .post(PATH, company).then().statusCode(201).body("items[0].companyId", equalTo(company.toString()));
    }

    private ValidatableResponse batch(UUID companyId, List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        return given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(body)
                .post(PATH, companyId).then();
    }

    private static ValidatableResponse resolve(String number) {
        return given().auth().oauth2(TestTokens.platformAdmin()).queryParam("number", number).get("/v1/resolve").then();
    }

    private static Map<String, Object> item(String number, UUID branch) {
        return Map.of("number", number, "branchId", branch.toString(), "label", "import");
    }

    private int numbersOf(UUID companyId) {
        return count("select count(*) from phone_numbers where company_id = cast(? as uuid)", companyId.toString());
    }

    /** Directory events written for this number, whether or not the relay has sent them yet. */
    private int events(String e164) {
        return count("select count(*) from outbox where aggregate_id = ? and event_type = '"
                + DirectoryEvents.PHONE_NUMBER_UPSERTED + "'", e164);
    }

    private int count(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
