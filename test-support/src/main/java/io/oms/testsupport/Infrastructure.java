package io.oms.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * The real Kafka broker and PostgreSQL server that tests of this JVM use, chosen once:
 * Testcontainers when Docker is available; else the broker and database answering on their
 * configured addresses; else an in-JVM broker and an embedded PostgreSQL.
 *
 * <p>Reads its own variables (never the services' runtime ones, see RECIPES):
 * {@code TEST_INFRA} (containers, local or embedded: forces a mode), {@code TEST_KAFKA_BOOTSTRAP}
 * (default 127.0.0.1:9092), {@code TEST_DB_HOST} (127.0.0.1), {@code TEST_DB_PORT} (5432),
 * {@code TEST_DB_USER} (postgres), {@code TEST_DB_PASSWORD} (empty).
 */
public final class Infrastructure {

    public enum Mode { CONTAINERS, LOCAL, EMBEDDED }

    /** Where the database server answers; databases are created per test suite. */
    public record Postgres(String host, int port, String user, String password) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static Infrastructure instance;

    private final Mode mode;
    private final String kafkaBootstrap;
    private final Postgres postgres;

    private Infrastructure(Mode mode, String kafkaBootstrap, Postgres postgres) {
        this.mode = mode;
        this.kafkaBootstrap = kafkaBootstrap;
        this.postgres = postgres;
    }

    /** Starts (or finds) the infrastructure once per JVM; later calls answer the same. */
    public static synchronized Infrastructure get() {
        if (instance == null) {
            long started = System.nanoTime();
            instance = choose();
            System.out.printf("[test-support] infrastructure mode: %s (Kafka %s, PostgreSQL %s:%d), ready in %d ms%n",
                    instance.mode.name().toLowerCase(Locale.ROOT), instance.kafkaBootstrap,
                    instance.postgres.host(), instance.postgres.port(), (System.nanoTime() - started) / 1_000_000);
        }
        return instance;
    }

    private static Infrastructure choose() {
        String forced = setting("TEST_INFRA", "");
        Mode mode = forced.isBlank() ? detect() : Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        // Each branch's classes are loaded only in that branch: Testcontainers and the embedded
        // servers stay untouched unless chosen.
        return switch (mode) {
            case CONTAINERS -> ContainersBackend.start(Infrastructure::new);
            case LOCAL -> new Infrastructure(Mode.LOCAL, localKafka(), localPostgres());
            case EMBEDDED -> EmbeddedBackend.start(Infrastructure::new);
        };
    }

    private static Mode detect() {
        if (ContainersBackend.dockerAvailable()) {
            return Mode.CONTAINERS;
        }
        Postgres pg = localPostgres();
        if (answers(localKafka()) && answers(pg.host() + ":" + pg.port())) {
            return Mode.LOCAL;
        }
        return Mode.EMBEDDED;
    }

    interface Factory {
        Infrastructure create(Mode mode, String kafkaBootstrap, Postgres postgres);
    }

    static String localKafka() {
        return setting("TEST_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    static Postgres localPostgres() {
        return new Postgres(setting("TEST_DB_HOST", "127.0.0.1"), Integer.parseInt(setting("TEST_DB_PORT", "5432")),
                setting("TEST_DB_USER", "postgres"), setting("TEST_DB_PASSWORD", ""));
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null ? fallback : value;
    }

    private static boolean answers(String hostAndPort) {
        String first = hostAndPort.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 500);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public Mode mode() {
        return mode;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public Postgres postgres() {
        return postgres;
    }

    /**
     * Drops and creates a database, so every test suite starts from an empty schema.
     *
     * @return its JDBC URL
     */
    public String freshDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.user());
        credentials.setProperty("password", postgres.password());
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), credentials);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + postgres.jdbcUrl("postgres"), e);
        }
        return postgres.jdbcUrl(name);
    }
}
