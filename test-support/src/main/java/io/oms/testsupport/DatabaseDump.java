package io.oms.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A dump of a service's database as an attacker with a backup would read it: {@code pg_dump} (data only) when the
 * binary is on this machine, else every table of the schema copied out over JDBC ({@code COPY ... TO STDOUT}).
 * Tests search it for secrets that must be stored only encrypted.
 */
public final class DatabaseDump {

    /** The dump's text and how it was taken ({@code pg_dump} or {@code COPY}). */
    public record Dump(String text, String method, List<String> tables) {

        /** The secrets (or their base64) that appear in the dump; empty when none does. */
        public List<String> leaked(List<String> secrets) {
            List<String> leaked = new ArrayList<>();
            for (String secret : secrets) {
                for (String form : forms(secret)) {
                    if (text.contains(form)) {
                        leaked.add(secret.substring(0, Math.min(4, secret.length())) + "... as '" + (form.equals(secret) ? "plain" : "base64") + "'");
                    }
                }
            }
            return leaked;
        }

        private static List<String> forms(String secret) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            return List.of(secret, Base64.getEncoder().encodeToString(bytes), Base64.getEncoder().withoutPadding().encodeToString(bytes),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
    }

    private DatabaseDump() {
    }

    /** Dumps the data of every table in {@code public} of the database at {@code jdbcUrl}. */
    public static Dump of(String jdbcUrl, String user, String password) throws SQLException, IOException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            List<String> tables = tables(connection);
            Path pgDump = pgDump(connection);
            if (pgDump != null) {
                String text = pgDumpText(pgDump, jdbcUrl, user, password);
                if (text != null) {
                    return new Dump(text, "pg_dump", tables);
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder dump = new StringBuilder();
            for (String table : tables) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy.copyOut("COPY public.\"" + table + "\" TO STDOUT", out);
                dump.append("-- ").append(table).append('\n').append(out.toString(StandardCharsets.UTF_8));
            }
            return new Dump(dump.toString(), "COPY", tables);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(
                "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** A pg_dump at least as new as the server (an older one refuses a newer server), or null. */
    private static Path pgDump(Connection connection) throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        Path installed = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installed)) {
            return null;
        }
        try (var versions = Files.list(installed)) {
            return versions.filter(dir -> dir.getFileName().toString().matches("\\d+") && Integer.parseInt(dir.getFileName().toString()) >= major)
                    .map(dir -> dir.resolve("bin/pg_dump")).filter(Files::isExecutable).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs pg_dump; null when it fails (then the COPY way is taken). */
    private static String pgDumpText(Path pgDump, String jdbcUrl, String user, String password) throws IOException, InterruptedException {
        // jdbc:postgresql://host:port/database?params
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        ProcessBuilder builder = new ProcessBuilder(pgDump.toString(), "--data-only", "--no-owner", "-h", uri.getHost(),
                "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()), "-U", user, uri.getPath().substring(1));
        builder.environment().putAll(Map.of("PGPASSWORD", password == null ? "" : password));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            return null;
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
