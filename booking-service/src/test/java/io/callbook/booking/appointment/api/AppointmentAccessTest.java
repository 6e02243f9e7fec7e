package io.callbook.booking.appointment.api;

import io.callbook.booking.BookingFixtures;
import io.callbook.testsupport.ApiDocumentation;
import io.callbook.testsupport.ManagementPort;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may use the appointment API, and that a tenant never sees another tenant's appointments. */
@QuarkusTest
class AppointmentAccessTest {

    @Inject
    BookingFixtures fixtures;

    private AppointmentKit a;
    private AppointmentKit b;
    private String appointmentOfA;

    @BeforeEach
    void twoTenants() {
        a = AppointmentKit.create(fixtures);
        b = AppointmentKit.create(fixtures);
        appointmentOfA = a.book(a.at(0));
    }

    /** Every endpoint, as a request against tenant A's data. */
    private List<Function<RequestSpecification, io.restassured.response.Response>> endpoints() {
        String path = AppointmentKit.PATH;
        return List.of(
                r -> r.contentType(ContentType.JSON).body(a.body(a.at(60))).post(path),
                r -> r.contentType(ContentType.JSON).body(Map.of("items", List.of(a.body(a.at(60))))).post(path + "/batch"),
                r -> r.queryParam("branchId", a.branch.id().toString()).get(path),
                r -> r.get(path + "/{id}", appointmentOfA),
                r -> r.contentType(ContentType.JSON).body(Map.of("reason", "x")).post(path + "/{id}/cancel", appointmentOfA),
                r -> r.contentType(ContentType.JSON).body(Map.of("start", AppointmentKit.iso(a.at(120))))
                        .post(path + "/{id}/reschedule", appointmentOfA),
                r -> r.contentType(ContentType.JSON).post(path + "/{id}/confirm", appointmentOfA),
                r -> r.contentType(ContentType.JSON).body(Map.of("status", "completed")).post(path + "/{id}/status", appointmentOfA));
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        endpoints().forEach(call -> call.apply(given()).then().statusCode(401).contentType("application/problem+json"));
        given().auth().oauth2(TestTokens.expired(a.company)).get(AppointmentKit.PATH + "/{id}", appointmentOfA)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.signedWithAnotherKey(a.company)).get(AppointmentKit.PATH + "/{id}", appointmentOfA)
                .then().statusCode(401);
    }

    @Test
    void opsTokensAre403OnEveryEndpoint() {
        String ops = TestTokens.ops();
        endpoints().forEach(call -> call.apply(given().auth().oauth2(ops)).then().statusCode(403)
                .contentType("application/problem+json"));
        assertEquals(1, a.rows());
    }

    @Test
    void anotherTenantGets404OnEveryEndpoint() {
        String tokenOfB = TestTokens.tenantAdmin(b.company);
        List<Function<RequestSpecification, io.restassured.response.Response>> endpoints = endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            var response = endpoints.get(i).apply(given().auth().oauth2(tokenOfB)).then().contentType("application/problem+json");
            if (i == 1) {
                // A batch reports per item: A's branch does not exist for B.
                response.statusCode(422).body("errors[0].status", equalTo(404));
            } else {
                response.statusCode(404);
            }
        }
        String agentOfB = TestTokens.agent(b.company);
        given().auth().oauth2(agentOfB).queryParam("companyId", a.company.toString()).get(AppointmentKit.PATH)
                .then().statusCode(404);
        // B's own listing does not contain A's appointment.
        given().auth().oauth2(agentOfB).get(AppointmentKit.PATH).then().statusCode(200).body("items", hasSize(0));
        // A's appointment is untouched.
        a.get(a.admin(), appointmentOfA).statusCode(200).body("status", equalTo("confirmed"))
                .body("start", equalTo(a.at(0).toString()));
        assertEquals(1, a.rows());
        assertEquals(0, b.rows());
    }

    @Test
    void everyEndpointIsDocumented() {
        given().port(ManagementPort.get()).accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/appointments'.post.tags[0]", equalTo("Appointments"))
                .body("paths.'/v1/appointments/batch'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1/appointments/{id}/reschedule'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1/appointments/{id}/status'.post", org.hamcrest.Matchers.notNullValue());
        ApiDocumentation.assertComplete(given().port(ManagementPort.get()).get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void agentsAndTenantAdminsWorkOnTheirOwnTenant() {
        a.post(a.agent(), a.body(a.at(60))).statusCode(201);
        a.get(a.agent(), appointmentOfA).statusCode(200);
        a.action(a.agent(), appointmentOfA, "cancel", null).statusCode(200);
    }

    @Test
    void platformAdminsActOnTheCompanyOfTheBranchTheyName() {
        String admin = TestTokens.platformAdmin();
        String id = a.post(admin, a.body(a.at(60))).statusCode(201)
                .body("companyId", equalTo(a.company.toString())).extract().path("id");
        a.get(admin, id).statusCode(200);
        given().auth().oauth2(admin).queryParam("companyId", a.company.toString()).get(AppointmentKit.PATH)
                .then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(admin).queryParam("branchId", a.branch.id().toString()).get(AppointmentKit.PATH)
                .then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(admin).get(AppointmentKit.PATH).then().statusCode(400);
        a.action(admin, id, "reschedule", Map.of("start", AppointmentKit.iso(a.at(180)))).statusCode(200);
        Map<String, Object> unknownBranch = a.body(a.at(240));
        unknownBranch.put("branchId", java.util.UUID.randomUUID().toString());
        a.post(admin, unknownBranch).statusCode(404);
    }
}
