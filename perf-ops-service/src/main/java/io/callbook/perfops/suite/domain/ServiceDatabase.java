package io.callbook.perfops.suite.domain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A service's own database, which perf-ops reads (pg_stat_*, pg_stats, EXPLAIN) and where it may create indexes.
 * Plain connections, not a pool: analysis opens a few per run, and a pool per service database would hold
 * connections the services need.
 *
 * @param service  the service's short name
 * @param jdbcUrl  e.g. jdbc:postgresql://127.0.0.1:5432/booking
 * @param name     the database name, for reports
 */
public record ServiceDatabase(String service, String jdbcUrl, String name, String username, String password) {

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, properties());
    }

    /**
     * A connection speaking the simple query protocol: over the extended protocol the server takes the $n of
     * {@code EXPLAIN (GENERIC_PLAN) ...} for parameters of the EXPLAIN itself and refuses to run it without values.
     */
    public Connection openForPlanning() throws SQLException {
        Properties properties = properties();
        properties.setProperty("preferQueryMode", "simple");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "perf-ops-service");
        properties.setProperty("connectTimeout", "5");
        return properties;
    }

    /** The database name in a JDBC URL: the path after the host, without parameters. */
    static String databaseName(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    @Override
    public String toString() {
        return "ServiceDatabase[" + service + ", " + jdbcUrl + "]";
    }
}
