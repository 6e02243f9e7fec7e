package io.callbook.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** PostgreSQL 18 from zonky's bundled binaries, running as its own OS process (the postmaster). */
final class PostgresServer {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final List<String> EXTENSIONS = List.of("btree_gist", "pg_stat_statements");

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /*
     * zonky logs each start at INFO through SLF4J, which in Quarkus tests lands in JBoss LogManager (= JUL names).
     * Held in a field: JUL keeps loggers only weakly, and a collected logger forgets its level.
     */
    private static final java.util.logging.Logger ZONKY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    static {
        ZONKY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private PostgresServer() {
    }

    /**
     * Starts the server and returns the postmaster's pid. The EmbeddedPostgres object is dropped on purpose:
     * the process is stopped by pid, which works from any class loader.
     */
    static long start(Path dataDir, int port, boolean persistent, Path logFile, Path binariesDir) throws IOException {
        Files.createDirectories(logFile.getParent());
        Processes.keepSmall(logFile, Processes.LOG_ROTATION_BYTES);
        boolean fromTemplate = !Files.exists(dataDir.resolve("PG_VERSION")) && copyTemplate(binariesDir, dataDir);
        try {
            builder(dataDir, port, persistent, logFile, binariesDir).start();
        } catch (RuntimeException | IOException e) {
            if (!fromTemplate) {
                throw e;
            }
            // a template of other binaries (say, a new major version): forget it and let initdb run
            Devstack.deleteRecursively(dataDir);
            Devstack.deleteRecursively(templateOf(binariesDir));
            builder(dataDir, port, persistent, logFile, binariesDir).start();
        }
        if (!fromTemplate) {
            saveTemplate(binariesDir, logFile);
        }
        return postmasterPid(dataDir);
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, int port, boolean persistent, Path logFile,
                                                    Path binariesDir) {
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("track_io_timing", "on")
                .setOutputRedirector(log)
                .setErrorRedirector(log);
        if (!persistent) {
            // throw-away test data: durability only costs time
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        return builder;
    }

    /*
     * initdb costs 1.5-3 s of CPU on every new data dir (each test JVM), competing with Kafka's start on two cores.
     * A freshly initialised, cleanly stopped cluster kept in the cache is copied instead in ~0.1 s. Server settings are
     * passed on the command line, so the template holds nothing but initdb's output.
     */
    private static Path templateOf(Path binariesDir) {
        return binariesDir.resolve("initdb-template");
    }

    private static boolean copyTemplate(Path binariesDir, Path dataDir) throws IOException {
        Path template = templateOf(binariesDir);
        if (!Files.exists(template.resolve("PG_VERSION"))) {
            return false;
        }
        Devstack.deleteRecursively(dataDir);
        try (Stream<Path> paths = Files.walk(template)) {
            for (Path source : paths.toList()) {
                Files.copy(source, dataDir.resolve(template.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return true;
    }

    /** Once per machine: initdb into a scratch dir, start and stop cleanly there, publish it as the template. */
    private static void saveTemplate(Path binariesDir, Path logFile) {
        Path template = templateOf(binariesDir);
        if (Files.exists(template)) {
            return;
        }
        Path scratch = binariesDir.resolve("initdb-template.tmp-" + ProcessHandle.current().pid());
        try {
            builder(scratch, Ports.free(), true, logFile, binariesDir).start();
            stop(postmasterPid(scratch), true);
            Files.deleteIfExists(scratch.resolve("epg-lock"));
            Files.move(scratch, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // another JVM published one first, or no template this time: initdb keeps working
        } finally {
            try {
                Devstack.deleteRecursively(scratch);
            } catch (IOException ignored) {
                // a leftover scratch dir costs disk only
            }
        }
    }

    static long postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    /** Graceful: "fast" shutdown (SIGINT) with a checkpoint. Otherwise "immediate" (SIGQUIT), for data we drop. */
    static void stop(long pid, boolean graceful) {
        Processes.stop(pid, graceful ? "INT" : "QUIT", Duration.ofSeconds(30));
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database if missing and enables the extensions every service may rely on. Idempotent. */
    static void createDatabase(int port, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try {
            try (Connection admin = connect(port, "postgres")) {
                if (!exists(admin, name)) {
                    try (Statement statement = admin.createStatement()) {
                        statement.execute("CREATE DATABASE " + name);
                    } catch (SQLException e) {
                        if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created meanwhile
                            throw e;
                        }
                    }
                }
            }
            try (Connection db = connect(port, name); Statement statement = db.createStatement()) {
                for (String extension : EXTENSIONS) {
                    statement.execute("CREATE EXTENSION IF NOT EXISTS " + extension);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on port " + port, e);
        }
    }

    /** A connection through the driver itself, not DriverManager, which may not see the driver in every class loader. */
    static Connection connect(int port, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect(jdbcUrl(port, database), properties);
    }

    private static boolean exists(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
