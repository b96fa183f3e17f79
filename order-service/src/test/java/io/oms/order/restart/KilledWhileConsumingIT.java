package io.oms.order.restart;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.events.EventType;
import io.oms.events.order.OrderImported;
import io.oms.messaging.KafkaClients;
import io.oms.order.OrderImportedBuilder;
import io.oms.testsupport.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static io.oms.order.OrderImportedBuilder.anOrderImported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged order-service ({@code target/quarkus-app/quarkus-run.jar}) runs as a process of its own against
 * the test's broker and database; it is killed with SIGKILL while it consumes a stream of OrderImported, started
 * again, and then every event must have been applied exactly once: counted in its inbox, its orders, their
 * status history and its outbox.
 *
 * <p>An integration test (failsafe, after {@code package}), because the packaged application exists only then.
 */
class KilledWhileConsumingIT {

    private static final String CONSUMER = "order-service.order-imported";
    private static final int ORDERS = 2_000;
    private static final Duration BOUND = Duration.ofSeconds(240);

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopServices() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void serviceKilledWhileConsumingAppliesEveryEventExactlyOnceAfterARestart() throws Exception {
        Infrastructure infrastructure = Infrastructure.get();
        String jdbcUrl = infrastructure.freshDatabase("oms_test_order_restart");
        String bootstrap = infrastructure.kafkaBootstrap();
        String groupSuffix = ".restart-" + UUID.randomUUID().toString().substring(0, 8);
        String shop = "restart-" + System.nanoTime();
        // The group starts exactly at today's end of the topic, whatever earlier suites left on a shared broker,
        // and without depending on when the process's consumer is assigned.
        startGroupAtTheEnd(bootstrap, CONSUMER + groupSuffix);

        Stream stream = stream(shop);
        Service service = new Service(bootstrap, jdbcUrl, infrastructure.postgres(), groupSuffix);
        Process first = service.start("first");
        service.awaitReady(first);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(bootstrap, "killed-service-it"))) {
            for (Delivery delivery : stream.deliveries()) {
                producer.send(new ProducerRecord<>(EventType.ORDER_IMPORTED.topic(), null, delivery.key(), delivery.encoded().value(),
                        delivery.encoded().kafkaHeaders()));
            }
            producer.flush();
        }
        Set<UUID> ours = stream.eventIds();
        long appliedBeforeKill = await("some events applied").atMost(BOUND).pollInterval(Duration.ofMillis(50))
                .until(() -> applied(jdbcUrl, infrastructure, ours).size(), applied -> applied >= 200);
        // Process.destroyForcibly is SIGKILL on Linux: no shutdown hook, no offset commit, no leaving the group.
        first.destroyForcibly().waitFor();
        long appliedAtKill = applied(jdbcUrl, infrastructure, ours).size();
        assertThat(appliedAtKill).as("killed while consuming, not after").isGreaterThanOrEqualTo(appliedBeforeKill)
                .isLessThan(stream.distinctEvents());

        Process second = service.start("second");
        service.awaitReady(second);
        await("every event applied after the restart").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .until(() -> applied(jdbcUrl, infrastructure, ours).size(), applied -> applied == ours.size());

        assertThat(applied(jdbcUrl, infrastructure, ours)).as("every event in the inbox (once: it is the primary key)").isEqualTo(ours);
        try (Connection db = connect(jdbcUrl, infrastructure)) {
            Map<String, Long> revisions = new HashMap<>();
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("select external_order_id, revision from orders where shop_id = '" + shop + "'")) {
                while (rows.next()) {
                    revisions.put(rows.getString(1), rows.getLong(2));
                }
            }
            assertThat(count(db, "select count(*) from orders where shop_id = '" + shop + "'")).as("one row per order").isEqualTo(ORDERS);
            assertThat(revisions).as("every order at its newest revision").isEqualTo(stream.newestRevisions());
            assertThat(count(db, "select count(*) from order_status_history h join orders o on o.id = h.order_id where o.shop_id = '"
                    + shop + "'")).as("one creation per order in the history").isEqualTo(ORDERS);
            assertThat(count(db, "select count(*) from outbox x join orders o on x.aggregateid = o.id::text where o.shop_id = '"
                    + shop + "' and x.type = '" + EventType.ORDER_STATUS_CHANGED.ceType() + "'"))
                    .as("one OrderStatusChanged per order in the outbox").isEqualTo(ORDERS);
        }
        System.out.printf("[killed-service] %d deliveries of %d events: %d applied when killed, all applied once after the restart%n",
                stream.deliveries().size(), stream.distinctEvents(), appliedAtKill);
    }

    private record Delivery(String key, UUID eventId, EncodedEvent encoded) {
    }

    private record Stream(List<Delivery> deliveries, Map<String, Long> newestRevisions) {
        Set<UUID> eventIds() {
            return deliveries.stream().map(Delivery::eventId).collect(Collectors.toSet());
        }

        long distinctEvents() {
            return eventIds().size();
        }
    }

    /** 2,000 orders; every third gets a second revision; every tenth event is delivered a second time. */
    private static Stream stream(String shop) {
        CloudEventCodec codec = new CloudEventCodec();
        Clock clock = Clock.systemUTC();
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, Long> newest = new HashMap<>();
        for (int i = 0; i < ORDERS; i++) {
            OrderImportedBuilder builder = anOrderImported().withShop(shop).withExternalOrderId("restart-" + i).withLines(1 + i % 3);
            int revisions = i % 3 == 0 ? 2 : 1;
            for (int revision = 1; revision <= revisions; revision++) {
                OrderImported snapshot = builder.withRevision(revision).build();
                CloudEvent<OrderImported> event = CloudEvent.of("/test/restart", snapshot, clock);
                Delivery delivery = new Delivery(event.key(), event.id(), codec.encode(event));
                deliveries.add(delivery);
                if (deliveries.size() % 10 == 0) {
                    deliveries.add(delivery);
                }
                newest.put(snapshot.externalOrderId(), (long) revision);
            }
        }
        return new Stream(deliveries, newest);
    }

    private static void startGroupAtTheEnd(String bootstrap, String group) throws ExecutionException, InterruptedException {
        String topic = EventType.ORDER_IMPORTED.topic();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(12), Optional.empty()))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            int partitions = await().atMost(Duration.ofSeconds(60)).until(
                    () -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size(), n -> n > 0);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> start.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, start).all().get();
        }
    }

    /** The packaged service as a child process, pointed at the test's broker and database. */
    private final class Service {
        private final List<String> command = new ArrayList<>();
        private final int port;

        Service(String bootstrap, String jdbcUrl, Infrastructure.Postgres postgres, String groupSuffix) throws IOException {
            Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
            assertThat(jar).as("the packaged service (this test runs after mvn package)").exists();
            port = freePort();
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-Dkafka.bootstrap.servers=" + bootstrap,
                    "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                    "-Dquarkus.datasource.username=" + postgres.user(),
                    "-Dquarkus.datasource.password=" + postgres.password(),
                    "-Dquarkus.http.port=" + port,
                    // the API needs an issuer or a key to start; this test calls only /q/health
                    "-Dquarkus.oidc.public-key=" + io.oms.testsupport.Tokens.publicKey(),
                    "-Doms.messaging.consumer.group-suffix=" + groupSuffix,
                    // Only order-imported is under test; its group was started at the end above. The service's
                    // other groups need not read what earlier suites left on a shared broker.
                    "-Doms.messaging.consumer.auto-offset-reset=latest",
                    "-jar", jar.toString()));
        }

        Process start(String name) throws IOException {
            Path log = Path.of("target", "killed-service-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // The service's runtime variables (say, of a developer's shell) must not point it elsewhere.
            builder.environment().keySet().removeIf(variable -> variable.startsWith("QUARKUS_") || variable.equals("KAFKA_BOOTSTRAP_SERVERS"));
            Process process = builder.start();
            started.add(process);
            return process;
        }

        void awaitReady(Process process) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            await("service on port " + port + " ready").atMost(BOUND).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(process.isAlive()).as("service process alive (see target/killed-service-*.log)").isTrue();
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Connection connect(String jdbcUrl, Infrastructure infrastructure) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, infrastructure.postgres().user(), infrastructure.postgres().password());
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Which of our events the service's inbox holds (its primary key holds each at most once). Other events are
     * left out: on a shared broker another suite may publish OrderImported at the same time.
     */
    private static Set<UUID> applied(String jdbcUrl, Infrastructure infrastructure, Set<UUID> ours) throws SQLException {
        Set<UUID> applied = new HashSet<>();
        try (Connection db = connect(jdbcUrl, infrastructure); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select event_id from inbox where consumer = '" + CONSUMER + "'")) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                if (ours.contains(id)) {
                    applied.add(id);
                }
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                return applied; // the service has not migrated its tables yet
            }
            throw e;
        }
        return applied;
    }
}
