package io.oms.messaging;

import io.oms.events.CloudEventCodec;
import io.oms.events.EventType;
import io.oms.messaging.inbox.InboxConsumers;
import io.oms.messaging.outbox.OutboxRelayService;
import io.oms.testsupport.KafkaAndPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "oms_test_messaging"))
class OutboxRelayTest {

    private static final int EVENTS = 10_000;
    private static final int WRITERS = 4;
    private static final int AGGREGATES = 40;

    @Inject
    StockWriter writer;
    @Inject
    OutboxRelayService relay;
    @Inject
    InboxConsumers consumers;
    @Inject
    DataSource dataSource;
    @Inject
    CloudEventCodec codec;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    private String prefix;

    @BeforeEach
    void newAggregates() {
        prefix = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
        relay.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> consumers.status(AppliedStock.CONSUMER).map(InboxConsumers.Status::joined).orElse(false));
    }

    @AfterEach
    void relayRunsAgain() {
        relay.start();
    }

    @Test
    void tenThousandEventsFromFourWritersArriveInOrderPerAggregateWithoutDuplicatesAcrossARelayRestart() throws Exception {
        try (TopicReader topic = new TopicReader(bootstrapServers, EventType.STOCK_CHANGED.topic())) {
            List<Future<?>> writers = writeConcurrently();

            await().atMost(Duration.ofSeconds(180)).until(() -> sentRows() >= EVENTS / 4);
            relay.stop();
            long sentWhenStopped = sentRows();
            relay.start();
            for (Future<?> done : writers) {
                done.get();
            }

            List<ConsumerRecord<String, byte[]>> ours = awaitRecords(topic, EVENTS);
            assertThat(sentWhenStopped).isLessThan(EVENTS);
            assertThat(ours).hasSize(EVENTS);
            assertThat(eventIds(ours)).hasSize(EVENTS);
            assertInOrderPerAggregate(ours);
        }
    }

    @Test
    void killedRelayMayDuplicateOnKafkaButTheInboxAppliesEachEventOnce() throws Exception {
        try (TopicReader topic = new TopicReader(bootstrapServers, EventType.STOCK_CHANGED.topic())) {
            relay.stop();
            Process relayProcess = startRelayProcess();
            List<Future<?>> writers;
            try {
                writers = writeConcurrently();
                await().atMost(Duration.ofSeconds(180))
                        .failFast("the relay process died on its own", () -> !relayProcess.isAlive())
                        .until(() -> sentRows() >= EVENTS / 3);
            } finally {
                relayProcess.destroyForcibly().waitFor();
            }
            long sentWhenKilled = sentRows();
            relay.start();
            for (Future<?> done : writers) {
                done.get();
            }

            await().atMost(Duration.ofSeconds(180)).until(() -> appliedRows() >= EVENTS);
            List<ConsumerRecord<String, byte[]>> onKafka = awaitRecords(topic, EVENTS);

            assertThat(sentWhenKilled).isLessThan(EVENTS);
            assertThat(eventIds(onKafka)).hasSize(EVENTS);
            assertThat(appliedRows()).isEqualTo(EVENTS);
            assertThat(distinctAppliedEvents()).isEqualTo(EVENTS);
            System.out.printf("relay killed after %d rows marked sent; %d records on Kafka for %d events (%d duplicates)%n",
                    sentWhenKilled, onKafka.size(), EVENTS, onKafka.size() - EVENTS);
        }
    }

    private List<Future<?>> writeConcurrently() {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writerIndex = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < EVENTS / WRITERS; i++) {
                    // Writers share aggregates: order per aggregate must come from the aggregate's row lock, not from luck.
                    writer.changeStock(prefix + ((i * WRITERS + writerIndex) % AGGREGATES));
                }
            }));
        }
        pool.shutdown();
        return writers;
    }

    private Process startRelayProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RelayProcess.class.getName(),
                jdbcUrl, databaseUser, bootstrapServers).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.isAlive()).isTrue();
        return process;
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(TopicReader topic, int count) {
        List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
        await().atMost(Duration.ofSeconds(180)).until(() -> {
            ours.clear();
            ours.addAll(topic.read(record -> record.key() != null && record.key().startsWith(prefix)));
            return ours.size() >= count && unsentRows() == 0;
        });
        // One more read: anything still in flight shows up as a duplicate rather than being missed.
        ours.clear();
        ours.addAll(topic.read(record -> record.key() != null && record.key().startsWith(prefix)));
        return ours;
    }

    private Set<UUID> eventIds(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Set<UUID> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ids.add(codec.decode(record.headers(), record.value()).id());
        }
        return ids;
    }

    private void assertInOrderPerAggregate(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Map<String, Long> lastVersion = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long version = ((io.oms.events.inventory.StockChanged) codec.decode(record.headers(), record.value()).data()).version();
            long expected = lastVersion.getOrDefault(record.key(), 0L) + 1;
            assertThat(version).as("version of %s", record.key()).isEqualTo(expected);
            lastVersion.put(record.key(), version);
        }
        assertThat(lastVersion).hasSize(AGGREGATES);
    }

    private long sentRows() throws SQLException {
        return count("select count(*) from outbox where sent_at is not null and aggregateid like '" + prefix + "%'");
    }

    private long unsentRows() throws SQLException {
        return count("select count(*) from outbox where sent_at is null and aggregateid like '" + prefix + "%'");
    }

    private long appliedRows() throws SQLException {
        return count("select count(*) from applied_events where sku like '" + prefix + "%'");
    }

    private long distinctAppliedEvents() throws SQLException {
        return count("select count(distinct event_id) from applied_events where sku like '" + prefix + "%'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
