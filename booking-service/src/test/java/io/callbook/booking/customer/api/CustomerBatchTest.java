package io.callbook.booking.customer.api;

import io.callbook.booking.BookingConfig;
import io.callbook.booking.BookingFixtures;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Importing customers is all or nothing and only creates: a phone or email the company knows answers 409. */
@QuarkusTest
class CustomerBatchTest {

    private static final String PATH = "/v1/companies/{c}/customers/batch";

    @Inject
    BookingFixtures fixtures;
    @Inject
    BookingConfig config;

    private UUID company;

    @BeforeEach
    void tenant() {
        company = fixtures.branch("Europe/Berlin").companyId();
    }

    @Test
    void aValidBatchCreatesEveryCustomer() {
        batch(List.of(customer("+49 30 1111111", "Clara Meyer", "clara@example.org"),
                customer("0170 2222222", " Dora Lang ", null),
                Map.of("phone", "01 42 00 00 00", "region", "FR")))
                .statusCode(201)
                .header("RateLimit-Limit", "60")
                .body("items", hasSize(3))
                .body("items.phone", contains("+49301111111", "+491702222222", "+33142000000"))
                .body("items.name", contains("Clara Meyer", "Dora Lang", null));

        admin().get("/v1/companies/{c}/customers?phone={p}", company, "030 1111111").then().statusCode(200)
                .body("items[0].email", equalTo("clara@example.org"));
        assertEquals(3, customerCount());
    }

    @Test
    void invalidItemsAreAllListedAndNothingIsWritten() {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(customer("+49 30 1111111", "Fine", "fine@example.org"));
        items.add(customer("call me maybe", null, null));
        items.add(customer("+49 30 3333333", null, "not an email"));
        items.add(customer("030 1111111", "Same phone", null));
        items.add(customer("+49 30 4444444", null, "FINE@example.org"));
        items.add(null);

        batch(items).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-invalid"))
                .body("errors.index", contains(1, 2, 3, 4, 5))
                .body("errors.status", contains(422, 400, 422, 422, 400))
                .body("errors.type", contains(endsWith("/invalid-phone-number"), endsWith("/validation"),
                        endsWith("/duplicate-phone"), endsWith("/duplicate-email"), endsWith("/invalid-request")))
                .body("errors[1].detail", startsWith("email: "));
        assertEquals(0, customerCount());
    }

    @Test
    void aPhoneOrEmailTheCompanyKnowsAnswers409NamingTheItemsAndNothingIsWritten() {
        admin().body(Map.of("phone", "+49 30 1111111", "name", "Known")).post("/v1/companies/{c}/customers", company)
                .then().statusCode(200);
        admin().body(Map.of("phone", "+49 30 2222222", "email", "known@example.org"))
                .post("/v1/companies/{c}/customers", company).then().statusCode(200);

        batch(List.of(customer("+49 30 3333333", "New", null), customer("030 1111111", "Renamed", null),
                customer("+49 30 4444444", null, "Known@Example.org")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/customer-exists"))
                .body("index", equalTo(1))
                .body("detail", startsWith("Item 1: "))
                .body("errors.index", contains(1, 2))
                .body("errors[1].type", endsWith("/email-taken"))
                .body("errors[1].detail", containsString("known@example.org"));

        assertEquals(2, customerCount());
        admin().get("/v1/companies/{c}/customers?phone={p}", company, "+49301111111").then()
                .body("items[0].name", equalTo("Known"));
    }

    @Test
    void anEmptyOrOversizedBatchIsRefused() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= config.maxImportBatchSize(); i++) {
            items.add(customer("+49 30 " + (5_000_000 + i), null, null));
        }
        batch(items).statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-too-large"))
                .body("maxItems", equalTo(config.maxImportBatchSize()));
        batch(List.of()).statusCode(422).body("type", endsWith("/batch-empty"));
        admin().body(Map.of()).post(PATH, company).then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, customerCount());
    }

    @Test
    void tenantsImportIntoTheirOwnCompanyOnly() {
        UUID neighbour = fixtures.branch("Europe/Vienna").companyId();
        Map<String, Object> body = Map.of("items", List.of(customer("+49 30 1111111", null, null)));
        given().auth().oauth2(TestTokens.tenantAdmin(neighbour)).contentType(ContentType.JSON).body(body)
                .post(PATH, company).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agent(company)).contentType(ContentType.JSON).body(body)
                .post(PATH, company).then().statusCode(403);
        assertEquals(0, customerCount());
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(body)
                .post(PATH, company).then().statusCode(201);
        assertEquals(1, customerCount());
    }

    private static Map<String, Object> customer(String phone, String name, String email) {
        Map<String, Object> customer = new HashMap<>();
        customer.put("phone", phone);
        customer.put("name", name);
        customer.put("email", email);
        return customer;
    }

    private ValidatableResponse batch(List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        return admin().body(body).post(PATH, company).then();
    }

    private int customerCount() {
        return admin().get("/v1/companies/{c}/customers?limit=200", company).then().statusCode(200)
                .extract().<List<Object>>path("items").size();
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON);
    }
}
