package io.callbook.booking.customer.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The voice agent's token finds the one caller by phone, without e-mail; the customer list is for admins. */
@QuarkusTest
class CustomerAgentAccessTest {

    private static final String PATH = "/v1/companies/{c}/customers";

    @Inject
    BookingFixtures fixtures;

    private UUID company;
    private String customer;

    @BeforeEach
    void tenant() {
        company = fixtures.branch("Europe/Berlin").companyId();
        customer = given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON)
                .body(Map.of("phone", "030 5550101", "name", "Clara Weber", "email", "clara@example.org"))
                .post(PATH, company).then().statusCode(200).extract().path("id");
    }

    @Test
    void anAgentFindsTheCallerByPhoneWithoutTheEmail() {
        given().auth().oauth2(TestTokens.agent(company)).get(PATH + "?phone={p}", company, "+49305550101")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(customer))
                .body("items[0].name", equalTo("Clara Weber"))
                .body("items[0].email", nullValue());
        given().auth().oauth2(TestTokens.agent(company)).get(PATH + "?phone={p}", company, "+49305550199")
                .then().statusCode(200).body("items", hasSize(0));
    }

    /** A voice platform starts many callers' calls with one token; the default limit would refuse it 10 a second. */
    @Test
    void anAgentsLookUpsByPhoneHaveTheVoicePlatformsLimit() {
        given().auth().oauth2(TestTokens.agent(company)).get(PATH + "?phone={p}", company, "+49305550101")
                .then().statusCode(200).header("RateLimit-Limit", "60000");
        given().auth().oauth2(TestTokens.tenantAdmin(company)).contentType(ContentType.JSON)
                .body(Map.of("phone", "030 5550102", "name", "Dora Lang"))
                .post(PATH, company).then().statusCode(200).header("RateLimit-Limit", "600");
    }

    @Test
    void anAgentCannotListOrSearchCustomersByEmail() {
        given().auth().oauth2(TestTokens.agent(company)).get(PATH, company)
                .then().statusCode(403).contentType("application/problem+json").body("type", endsWith("/forbidden"));
        given().auth().oauth2(TestTokens.agent(company)).get(PATH + "?limit=200&after={a}", company, customer)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.agent(company)).get(PATH + "?email={e}", company, "clara@example.org")
                .then().statusCode(403).body("type", endsWith("/forbidden"));
        // Another tenant's agent learns nothing, not even that the listing would be refused.
        given().auth().oauth2(TestTokens.agent(UUID.randomUUID())).get(PATH, company).then().statusCode(404);
    }

    @Test
    void aTenantAdminStillListsAndSearchesWithEmail() {
        given().auth().oauth2(TestTokens.tenantAdmin(company)).get(PATH, company)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].email", equalTo("clara@example.org"));
        given().auth().oauth2(TestTokens.tenantAdmin(company)).get(PATH + "?email={e}", company, "clara@example.org")
                .then().statusCode(200).body("items[0].id", equalTo(customer));
        given().auth().oauth2(TestTokens.tenantAdmin(company)).get(PATH + "?phone={p}", company, "030 5550101")
                .then().statusCode(200).body("items[0].email", equalTo("clara@example.org"));
        given().auth().oauth2(TestTokens.platformAdmin()).get(PATH, company)
                .then().statusCode(200).body("items", hasSize(1));
    }
}
