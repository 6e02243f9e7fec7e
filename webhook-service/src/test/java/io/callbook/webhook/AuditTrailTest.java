package io.callbook.webhook;

import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** webhook-service's admin actions each leave one entry in its audit log, with the acting token's subject. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    DataSource dataSource;

    @Test
    void rotationsAndReplaysAreAudited() throws SQLException {
        UUID company = UUID.randomUUID();
        String admin = TestTokens.tenantAdmin(company);
        String integration = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("provider", "voice", "name", "Retell"))
                .post("/v1/companies/{c}/integrations", company).then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/v1/companies/{c}/integrations/{i}/rotate", company, integration)
                .then().statusCode(200);

        String endpoint = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("*")))
                .post("/v1/companies/{c}/webhook-endpoints", company).then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .post("/v1/companies/{c}/webhook-endpoints/{e}/rotate-secret", company, endpoint)
                .then().statusCode(200);

        UUID event = UUID.randomUUID();
        update("""
                insert into inbound_events (id, integration_id, company_id, provider, event_type, dedupe_key, status,
                                            priority, body, received_at)
                values (?, ?, ?, 'voice', 'call_started', ?, 'dead', 1, '{"event":"call_started","call":{"call_id":"x"}}', now())""",
                event, UUID.fromString(integration), company, event.toString());
        given().auth().oauth2(admin).post("/v1/webhooks/events/{id}/replay", event).then().statusCode(200);

        UUID delivery = UUID.randomUUID();
        update("""
                insert into deliveries (id, endpoint_id, company_id, event_id, event_type, payload, status, created_at)
                values (?, ?, ?, ?, 'appointment.booked', '{}', 'exhausted', now())""",
                delivery, UUID.fromString(endpoint), company, "event-" + delivery);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .post("/v1/companies/{c}/webhook-endpoints/{e}/deliveries/{d}/replay", company, endpoint, delivery)
                .then().statusCode(200);

        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("company", company).get("/v1/audit-log")
                .then().statusCode(200)
                .body("items.action", containsInAnyOrder("secret.rotated", "secret.rotated", "inbound-event.replayed",
                        "delivery.replayed"))
                .body("items.subject", hasItem("integration:" + integration))
                .body("items.subject", hasItem("webhook-endpoint:" + endpoint))
                .body("items.subject", hasItem("inbound-event:" + event))
                .body("items.subject", hasItem("delivery:" + delivery))
                .body("items.actor", everyItem(not("system")));
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
