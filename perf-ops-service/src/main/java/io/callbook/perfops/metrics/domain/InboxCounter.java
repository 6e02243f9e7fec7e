package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.suite.domain.ServiceDatabase;
import io.callbook.perfops.suite.domain.SuiteServices;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Counts webhook-service's inbox in its database ({@code inbound_events}): the depth is what its workers still have to
 * do (received, failed awaiting retry, processing), the dead letters what they gave up on. The depth query matches
 * the inbox's partial index on due events; dead letters use the (company_id, status, id) index. Read at most every
 * {@code inbox-every}, since each read is a connection and two counts; between reads the last counts stand.
 */
@ApplicationScoped
public class InboxCounter {

    private static final Logger LOG = Logger.getLogger(InboxCounter.class);
    private static final String DEPTH = "select count(*) from inbound_events where status in ('received', 'failed', 'processing')";
    private static final String DEAD = "select count(*) from inbound_events where status = 'dead'";

    private final SuiteServices services;
    private final MetricsConfig config;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile SuiteMetricsCalculator.InboxCounts last;

    public InboxCounter(SuiteServices services, MetricsConfig config) {
        this.services = services;
        this.config = config;
    }

    /** The inbox service's counts by its name; empty when it has no database or the read failed. */
    public Map<String, SuiteMetricsCalculator.InboxCounts> counts(Instant now) {
        if (readAt.plus(config.inboxEvery()).isBefore(now)) {
            readAt = now;
            last = services.named(config.inboxService()).flatMap(service -> service.database())
                    .flatMap(this::read).orElse(null);
        }
        SuiteMetricsCalculator.InboxCounts counts = last;
        return counts == null ? Map.of() : Map.of(config.inboxService(), counts);
    }

    private Optional<SuiteMetricsCalculator.InboxCounts> read(ServiceDatabase database) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("set statement_timeout = 2000");
            return Optional.of(new SuiteMetricsCalculator.InboxCounts(count(statement, DEPTH), count(statement, DEAD)));
        } catch (SQLException e) {
            LOG.debugf("Inbox of %s not counted: %s", database.service(), e.getMessage());
            return Optional.empty();
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
