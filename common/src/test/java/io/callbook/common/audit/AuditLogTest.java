package io.callbook.common.audit;

import io.callbook.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog audit;

    @Inject
    DataSource dataSource;

    @Test
    void anEntryCommitsWithItsActionAndNotWithoutIt() {
        UUID company = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                audit.record(AuditActions.API_KEY_CREATED, company, "api-key:1", Map.of("groups", "agent")));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                audit.record(AuditActions.API_KEY_REVOKED, company, "api-key:1", Map.of());
                throw new IllegalStateException("the action fails after recording");
            });
        } catch (IllegalStateException expected) {
            // the action and its entry roll back together
        }

        List<AuditEntry> entries = audit.list(company, null, null, 10);
        assertEquals(1, entries.size());
        AuditEntry entry = entries.get(0);
        assertEquals(AuditActions.API_KEY_CREATED, entry.action());
        assertEquals(AuditLog.SYSTEM, entry.actor());
        assertEquals("api-key:1", entry.subject());
        assertEquals(Map.of("groups", "agent"), entry.details());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() throws SQLException {
        UUID company = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                audit.record(AuditActions.SECRET_ROTATED, company, "integration:1", Map.of()));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "update audit_log set actor = 'someone else' where company_id = '" + company + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "delete from audit_log where company_id = '" + company + "'"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            SQLException truncate = assertThrows(SQLException.class, () -> statement.executeUpdate("truncate audit_log"));
            assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
        }
        assertEquals(1, audit.list(company, null, null, 10).size());
    }

    @Test
    void platformAdminsPageThroughTheLogNewestFirstAndNobodyElseReadsIt() {
        UUID company = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() ->
                    audit.record(AuditActions.INBOUND_EVENT_REPLAYED, company, "inbound-event:" + n, Map.of("n", n)));
        }
        String admin = TestTokens.platformAdmin();
        String cursor = given().auth().oauth2(admin).queryParam("company", company).queryParam("limit", 2)
                .get("/v1/audit-log").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].subject", equalTo("inbound-event:2"))
                .body("items[0].companyId", equalTo(company.toString()))
                .body("items[0].occurredAt", notNullValue())
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(admin).queryParam("company", company).queryParam("limit", 2).queryParam("after", cursor)
                .get("/v1/audit-log").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].subject", equalTo("inbound-event:0"))
                .body("nextCursor", nullValue());
        given().auth().oauth2(admin).queryParam("company", company).queryParam("action", "api-key.created")
                .get("/v1/audit-log").then().statusCode(200).body("items", hasSize(0));

        given().auth().oauth2(TestTokens.tenantAdmin(company)).get("/v1/audit-log").then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).get("/v1/audit-log").then().statusCode(403);
        given().get("/v1/audit-log").then().statusCode(401);
    }
}
