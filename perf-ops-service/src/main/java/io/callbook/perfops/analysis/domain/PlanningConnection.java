package io.callbook.perfops.analysis.domain;

import io.callbook.perfops.suite.domain.ServiceDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection to a service database as {@link ServiceDatabase#open()} makes it, but speaking the simple query
 * protocol: over the extended protocol the server takes the $n of {@code EXPLAIN (GENERIC_PLAN) ...} for parameters
 * of the EXPLAIN itself and refuses to run it without values.
 */
final class PlanningConnection {

    private PlanningConnection() {
    }

    static Connection open(ServiceDatabase database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        properties.setProperty("password", database.password());
        properties.setProperty("ApplicationName", "perf-ops-service");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("preferQueryMode", "simple");
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }
}
