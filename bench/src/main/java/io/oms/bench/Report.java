package io.oms.bench;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark report: lines go to stdout at once and are appended to the report file at the end of a
 * run, each run under a header with date, machine, load, database durability settings and commit.
 */
@ApplicationScoped
public class Report {

    /** Measured on these machines: Kafka, PostgreSQL, a relay and a consumer sharing the 2 cores. */
    public static final double CEILING_ORDERS_PER_SECOND = 1_500;

    private final DataSource dataSource;
    private final String path;
    private final List<String> lines = new ArrayList<>();

    public Report(DataSource dataSource, @ConfigProperty(name = "bench.report", defaultValue = "bench/REPORT.md") String path) {
        this.dataSource = dataSource;
        this.path = path;
    }

    public void header(String title) throws IOException, SQLException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        line("");
        line("# Benchmarks: " + title);
        line("");
        line("- date: " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + ", load average at start " + load);
        line("- PostgreSQL: " + setting("server_version") + ", fsync=" + setting("fsync") + ", synchronous_commit=" + setting("synchronous_commit")
                + " (left as the server has them)");
        line("- Kafka: single-node KRaft broker from deploy/local; producers idempotent with acks=all (messaging's KafkaClients)");
        line("- commit: " + System.getenv().getOrDefault("BENCH_COMMIT", "unknown"));
        line("- run with: `bench/run` (see bench/README.md)");
        line("");
    }

    public void line(String text) {
        System.out.println(text);
        lines.add(text);
    }

    /** Appends this run's lines to the report file; earlier runs stay, so numbers can be compared over time. */
    public void append() throws IOException {
        Path file = Path.of(path);
        Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        lines.clear();
        System.out.println("report appended to " + file.toAbsolutePath());
    }

    /** The value below which {@code p} percent of the sorted samples fall (nearest rank). */
    public static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private String setting(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
