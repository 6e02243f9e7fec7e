package io.callbook.webhook.retention.api;

import io.callbook.common.retention.RetentionConfig;
import io.callbook.common.retention.RetentionSweeper;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.inbound.infra.InboxRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-tenant retention against the real database: rows are seeded with the ids and timestamps they would have had days
 * ago, then common's sweeper runs. Defaults (application.properties): inbox 30, call log 90, deliveries 30 days.
 */
@QuarkusTest
class RetentionTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RetentionSweeper sweeper;

    @Inject
    InboxRetention inboxRetention;

    @Inject
    RetentionConfig sweepConfig;

    @Inject
    DataSource dataSource;

    @Test
    void tenantsReadAndSetTheirPeriodsWithinTheAllowedRange() {
        UUID company = UUID.randomUUID();
        String admin = TestTokens.tenantAdmin(company);
        given().auth().oauth2(admin).get("/v1/companies/{c}/retention", company).then().statusCode(200)
                .body("inbox.days", equalTo(30)).body("inbox.usesDefault", equalTo(true))
                .body("callLog.days", equalTo(90)).body("deliveries.days", equalTo(30))
                .body("inbox.minDays", equalTo(3)).body("inbox.maxDays", equalTo(90));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("inboxDays", 7, "callLogDays", 365))
                .put("/v1/companies/{c}/retention", company).then().statusCode(200)
                .body("inbox.days", equalTo(7)).body("inbox.usesDefault", equalTo(false))
                .body("callLog.days", equalTo(365)).body("deliveries.days", equalTo(30))
                .body("deliveries.usesDefault", equalTo(true));
        given().auth().oauth2(admin).get("/v1/companies/{c}/retention", company).then().statusCode(200)
                .body("inbox.days", equalTo(7)).body("callLog.days", equalTo(365));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("inboxDays", 2, "deliveriesDays", 400))
                .put("/v1/companies/{c}/retention", company).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://callbook.io/problems/retention-out-of-range"))
                .body("violations", hasSize(2))
                .body("violations.find { it.field == 'inboxDays' }.message", equalTo("must be between 3 and 90 days"));
        given().auth().oauth2(admin).get("/v1/companies/{c}/retention", company).then()
                .body("inbox.days", equalTo(7));

        // Back to the defaults: every period left out.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .put("/v1/companies/{c}/retention", company).then().statusCode(200)
                .body("inbox.usesDefault", equalTo(true)).body("callLog.days", equalTo(90));

        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("company", company)
                .queryParam("action", "retention.changed").get("/v1/audit-log").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].details.inboxDays", equalTo(7));
    }

    @Test
    void anotherTenantsSettingsAreNotFoundAndAgentsMayNotTouchThem() {
        UUID company = UUID.randomUUID();
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID())).get("/v1/companies/{c}/retention", company)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.tenantAdmin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("inboxDays", 7)).put("/v1/companies/{c}/retention", company).then().statusCode(404);
        given().auth().oauth2(TestTokens.agent(company)).get("/v1/companies/{c}/retention", company)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/v1/companies/{c}/retention", company)
                .then().statusCode(200);
    }

    @Test
    void theSweepDeletesOnlyWhatIsPastItsOwnTenantsPeriod() throws SQLException {
        UUID shortLived = UUID.randomUUID();
        UUID byDefault = UUID.randomUUID();
        given().auth().oauth2(TestTokens.tenantAdmin(shortLived)).contentType(ContentType.JSON)
                .body(Map.of("inboxDays", 7, "callLogDays", 10, "deliveriesDays", 5))
                .put("/v1/companies/{c}/retention", shortLived).then().statusCode(200);
        UUID shortIntegration = integration(shortLived);
        UUID defaultIntegration = integration(byDefault);
        UUID shortEndpoint = endpoint(shortLived);
        UUID defaultEndpoint = endpoint(byDefault);

        UUID shortDone10 = inboundEvent(shortLived, shortIntegration, "done", daysAgo(10));
        UUID shortFailed10 = inboundEvent(shortLived, shortIntegration, "failed", daysAgo(10));
        UUID shortDone5 = inboundEvent(shortLived, shortIntegration, "done", daysAgo(5));
        UUID defaultDone10 = inboundEvent(byDefault, defaultIntegration, "done", daysAgo(10));
        UUID defaultDead40 = inboundEvent(byDefault, defaultIntegration, "dead", daysAgo(40));
        UUID defaultReceived40 = inboundEvent(byDefault, defaultIntegration, "received", daysAgo(40));

        UUID shortCall12 = call(shortLived, shortIntegration, daysAgo(12));
        UUID defaultCall12 = call(byDefault, defaultIntegration, daysAgo(12));
        UUID defaultCall100 = call(byDefault, defaultIntegration, daysAgo(100));
        transfer(shortLived, shortCall12, daysAgo(12));
        transfer(byDefault, defaultCall12, daysAgo(12));

        UUID shortDelivered6 = delivery(shortLived, shortEndpoint, "delivered", daysAgo(6));
        UUID shortFailed6 = delivery(shortLived, shortEndpoint, "failed", daysAgo(6));
        UUID defaultDelivered6 = delivery(byDefault, defaultEndpoint, "delivered", daysAgo(6));
        UUID defaultExhausted31 = delivery(byDefault, defaultEndpoint, "exhausted", daysAgo(31));

        List<RetentionSweeper.Swept> swept = sweeper.sweep();

        assertTrue(swept.stream().allMatch(s -> s.largestBatch() <= sweepConfig.batchSize()), swept.toString());
        assertGone("inbound_events", shortDone10, defaultDead40);
        assertKept("inbound_events", shortFailed10, shortDone5, defaultDone10, defaultReceived40);
        assertGone("calls", shortCall12, defaultCall100);
        assertKept("calls", defaultCall12);
        assertEquals(0, count("select count(*) from call_transfers where call_row_id = ?", shortCall12),
                "a call's transfers go with it");
        assertEquals(1, count("select count(*) from call_transfers where call_row_id = ?", defaultCall12));
        assertGone("deliveries", shortDelivered6, defaultExhausted31);
        assertKept("deliveries", shortFailed6, defaultDelivered6);
        assertEquals(0, count("select count(*) from delivery_attempts where delivery_id in (?, ?)",
                shortDelivered6, defaultExhausted31));
        assertEquals(2, count("select count(*) from delivery_attempts where delivery_id = ?", defaultDelivered6));
    }

    @Test
    void oneTransactionDeletesNoMoreThanItsBatch() throws SQLException {
        UUID company = UUID.randomUUID();
        UUID integration = integration(company);
        for (int i = 0; i < 5; i++) {
            inboundEvent(company, integration, "done", daysAgo(40));
        }

        int first = QuarkusTransaction.requiringNew().call(() -> inboxRetention.purgeBatch(2));

        // Rows left due by other tests may be among the two; the batch bound is what counts.
        assertEquals(2, first);
        assertTrue(count("select count(*) from inbound_events where company_id = ?", company) >= 3);
        sweeper.sweep();
        assertEquals(0, count("select count(*) from inbound_events where company_id = ?", company));
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    /** A time-ordered id as {@code Ids.newId()} would have made it at {@code at}. */
    private static UUID idAt(Instant at) {
        long high = (at.toEpochMilli() << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private UUID integration(UUID company) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                insert into integrations (id, company_id, provider, name, secret_sealed, created_at, updated_at)
                values (?, ?, 'voice', 'retention test', 'sealed', now(), now())""", id, company);
        return id;
    }

    private UUID endpoint(UUID company) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                insert into webhook_endpoints (id, company_id, url, event_types, secret_sealed, created_at, updated_at)
                values (?, ?, 'https://example.com/hook', '{*}', 'sealed', now(), now())""", id, company);
        return id;
    }

    private UUID inboundEvent(UUID company, UUID integration, String status, Instant at) throws SQLException {
        UUID id = idAt(at);
        update("""
                insert into inbound_events (id, integration_id, company_id, provider, event_type, dedupe_key, status,
                                            priority, body, received_at)
                values (?, ?, ?, 'voice', 'call_ended', ?, ?, 1, '{"transcript":"..."}', ?)""",
                id, integration, company, id.toString(), status, Timestamp.from(at));
        return id;
    }

    private UUID call(UUID company, UUID integration, Instant at) throws SQLException {
        UUID id = idAt(at);
        update("""
                insert into calls (id, company_id, integration_id, call_id, from_number, created_at, updated_at)
                values (?, ?, ?, ?, '+4930123456', ?, ?)""",
                id, company, integration, "call-" + id, Timestamp.from(at), Timestamp.from(at));
        return id;
    }

    private void transfer(UUID company, UUID call, Instant at) throws SQLException {
        update("""
                insert into call_transfers (id, company_id, call_row_id, status, destination, occurred_at)
                values (?, ?, ?, 'bridged', '+4930999999', ?)""", UUID.randomUUID(), company, call, Timestamp.from(at));
    }

    private UUID delivery(UUID company, UUID endpoint, String status, Instant at) throws SQLException {
        UUID id = idAt(at);
        update("""
                insert into deliveries (id, endpoint_id, company_id, event_id, event_type, payload, status, created_at)
                values (?, ?, ?, ?, 'appointment.booked', '{}', ?, ?)""",
                id, endpoint, company, "event-" + id, status, Timestamp.from(at));
        for (int i = 0; i < 2; i++) {
            update("insert into delivery_attempts (delivery_id, attempted_at, status_code, duration_ms) values (?, ?, 500, 12)",
                    id, Timestamp.from(at));
        }
        return id;
    }

    private void assertGone(String table, UUID... ids) throws SQLException {
        for (UUID id : ids) {
            assertEquals(0, count("select count(*) from " + table + " where id = ?", id), table + " " + id + " should be gone");
        }
    }

    private void assertKept(String table, UUID... ids) throws SQLException {
        for (UUID id : ids) {
            assertFalse(count("select count(*) from " + table + " where id = ?", id) == 0, table + " " + id + " should be kept");
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
