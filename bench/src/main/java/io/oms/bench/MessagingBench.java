package io.oms.bench;

import io.oms.messaging.inbox.InboxConsumers;
import io.oms.messaging.outbox.OutboxRelayService;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the messaging plumbing on the real broker and database, durability untouched:
 * outbox relay throughput (1 and 4 writers, and a backlog drain) and the latency from outbox insert
 * to the consumer's commit at steady rates. Prints the numbers and writes them to the report.
 */
@ApplicationScoped
public class MessagingBench {

    private static final int EVENTS_PER_WRITER_RUN = 20_000;
    private static final int BACKLOG = 50_000;
    private static final double TARGET_RELAY_EVENTS_PER_SECOND = 5_000;

    private final BenchWriter writer;
    private final OutboxRelayService relay;
    private final InboxConsumers consumers;
    private final LatencyRecorder latencies;
    private final DataSource dataSource;
    private Report report;

    public MessagingBench(BenchWriter writer, OutboxRelayService relay, InboxConsumers consumers, LatencyRecorder latencies,
            DataSource dataSource) {
        this.writer = writer;
        this.relay = relay;
        this.consumers = consumers;
        this.latencies = latencies;
        this.dataSource = dataSource;
    }

    /** The relay drain alone, for profiling (e.g. under JFR); prints, reports nothing. */
    public void backlogOnly() throws Exception {
        report = new Report(dataSource, "/dev/null");
        waitForConsumer();
        warmUp();
        backlogDrain();
    }

    public void run(Report report) throws Exception {
        this.report = report;
        waitForConsumer();

        line("## Outbox relay throughput");
        line("");
        line("Writers commit either one event per transaction (a status change) or 100 (a page of imported orders), "
                + "with synchronous commit; the relay runs at the same time. `relay` is events per second from the first insert "
                + "to the last row marked sent (it cannot exceed what the writers commit). `backlog` drains rows written beforehand.");
        line("");
        line("| writers | events per transaction | events | writers committed (events/s) | relay published (events/s) | target | verdict |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        warmUp();
        for (int eventsPerTransaction : new int[] {1, 100}) {
            for (int writers : new int[] {1, 4}) {
                concurrentWriters(writers, eventsPerTransaction);
            }
        }
        backlogDrain();
        line("");
        line("One event per transaction costs one WAL flush per event, so those writers, not the relay, bound the first two rows.");

        line("");
        line("## End-to-end latency: outbox insert to consumer commit");
        line("");
        line("Events written at a steady rate (one per transaction); the consumer applies each in the inbox transaction "
                + "with one row of its own. Latency runs from the event's creation before the insert to the consumer's commit.");
        line("");
        line("| rate (events/s) | events | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | achieved rate (events/s) |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        for (int rate : new int[] {100, 500, 1000}) {
            steadyRate(rate, Duration.ofSeconds(10));
        }
        line("");
        line("Ceiling for comparison: Kafka, PostgreSQL, a relay and a consumer sharing the 2 cores top out near "
                + (int) Report.CEILING_ORDERS_PER_SECOND + " orders per second end to end (measured on these machines).");
    }

    private void waitForConsumer() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!consumers.status("oms-bench.latency").map(InboxConsumers.Status::joined).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench consumer did not join its group within 60 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private void warmUp() throws Exception {
        String prefix = newPrefix();
        for (int i = 0; i < 2_000; i++) {
            writer.writePrices(prefix, i, 1);
        }
        awaitAllSent(prefix);
    }

    private void concurrentWriters(int writers, int eventsPerTransaction) throws Exception {
        String prefix = newPrefix();
        int perWriter = EVENTS_PER_WRITER_RUN / writers;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long first = (long) w * perWriter;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i += eventsPerTransaction) {
                    writer.writePrices(prefix, first + i, eventsPerTransaction);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        double relaySeconds = awaitAllSent(prefix);
        int events = perWriter * writers;
        double relayRate = events / relaySeconds;
        line(String.format("| %d | %d | %d | %.0f | %.0f | %.0f | %s |", writers, eventsPerTransaction, events, events / writeSeconds, relayRate,
                TARGET_RELAY_EVENTS_PER_SECOND, verdict(relayRate, "bounded by the writers' commits")));
    }

    private void backlogDrain() throws Exception {
        relay.stop();
        String prefix = newPrefix();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            long first = (long) w * (BACKLOG / 4);
            done.add(pool.submit(() -> {
                for (int i = 0; i < BACKLOG / 4; i += 100) {
                    writer.writePrices(prefix, first + i, 100);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        Instant relayStarted = Instant.now();
        relay.start();
        awaitAllSent(prefix);
        double seconds = Duration.between(relayStarted, lastSent(prefix)).toNanos() / 1e9;
        double rate = BACKLOG / seconds;
        line(String.format("| backlog (relay alone) | 100 | %d | (written beforehand) | %.0f | %.0f | %s |", BACKLOG, rate,
                TARGET_RELAY_EVENTS_PER_SECOND, verdict(rate, "the relay itself")));
    }

    private void steadyRate(int rate, Duration duration) throws Exception {
        String sku = newPrefix() + "stock";
        latencies.drain();
        int events = (int) (rate * duration.toSeconds());
        int writers = rate >= 500 ? 4 : 1;
        long interval = Duration.ofSeconds(1).toNanos() * writers / rate;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writerIndex = w;
            done.add(pool.submit(() -> {
                long next = started + interval * writerIndex / writers;
                for (int i = writerIndex; i < events; i += writers) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    writer.writeStock(sku + (i % 50), i);
                    next += interval;
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        double achieved = events / ((System.nanoTime() - started) / 1e9);
        List<Long> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (all.size() < events && System.nanoTime() < deadline) {
            Arrays.stream(latencies.drain()).forEach(all::add);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length < events) {
            line(String.format("| %d | %d | only %d applied within 120 s | | | | %.0f |", rate, events, sorted.length, achieved));
            return;
        }
        line(String.format("| %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f |", rate, events, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1] / 1000.0, achieved));
    }

    private static double percentile(long[] sorted, double p) {
        return Report.percentile(sorted, p) / 1000.0;
    }

    private static String verdict(double rate, String limitedBy) {
        return rate >= TARGET_RELAY_EVENTS_PER_SECOND ? "met" : "missed (" + limitedBy + ")";
    }

    private static String newPrefix() {
        return "B" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    /** Waits until every row of this run is sent; answers seconds from its first insert to its last send. */
    private double awaitAllSent(String prefix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        // Only this run's rows are unsent (each scenario drains before the next), so the cheap count on the
        // relay's partial index answers; a LIKE over the whole table every few ms would steal a core from the relay.
        while (count("select count(*) from outbox where sent_at is null") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay did not publish the run's rows within 5 minutes");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select extract(epoch from max(sent_at) - min(created_at)) from outbox where aggregateid like '"
                        + prefix + "%'")) {
            result.next();
            return result.getDouble(1);
        }
    }

    private Instant lastSent(String prefix) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select max(sent_at) from outbox where aggregateid like '" + prefix + "%'")) {
            result.next();
            return result.getTimestamp(1).toInstant();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }


    private void line(String text) {
        report.line(text);
    }


}
