package io.oms.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates the service databases on a PostgreSQL server if they are missing (idempotent).
 *
 * <p>Usage: {@code CreateDatabases <jdbcUrl> [database ...]}; without database names, the service
 * databases of the project are created. Connects as {@code PGUSER} (default {@code postgres}) with the
 * password in {@code PGPASSWORD} if set (trust authentication needs none). Retries the connection for
 * up to 30 seconds, so it can run right after a server was started.
 */
public final class CreateDatabases {

    static final List<String> SERVICE_DATABASES = List.of(
            "oms_order", "oms_inventory", "oms_fulfilment", "oms_channel_etsy", "oms_channel_shopify");

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private CreateDatabases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CreateDatabases <jdbcUrl> [database ...]");
            System.exit(2);
        }
        String url = args[0];
        List<String> names = args.length > 1
                ? new ArrayList<>(Arrays.asList(args).subList(1, args.length))
                : SERVICE_DATABASES;
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                System.err.println("CreateDatabases: not a plain database name: " + name);
                System.exit(2);
            }
        }

        Properties props = new Properties();
        props.setProperty("user", env("PGUSER", "postgres"));
        String password = System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");

        try (Connection c = connect(url, props)) {
            for (String name : names) {
                if (exists(c, name)) {
                    System.out.println("CreateDatabases: " + name + " exists");
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + name + "\"");
                    System.out.println("CreateDatabases: " + name + " created");
                } catch (SQLException e) {
                    if ("42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                        System.out.println("CreateDatabases: " + name + " exists");
                    } else {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            System.err.println("CreateDatabases: failed on " + url + ": " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")");
            System.exit(1);
        }
    }

    private static Connection connect(String url, Properties props) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return DriverManager.getConnection(url, props);
            } catch (SQLException e) {
                // 08xxx: connection problems, 57P03: the server is starting up. Anything else is final.
                String state = e.getSQLState();
                boolean transientFailure = state != null && (state.startsWith("08") || state.equals("57P03"));
                if (!transientFailure || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
