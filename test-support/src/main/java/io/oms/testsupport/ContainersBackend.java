package io.oms.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Docker is available: a Kafka and a PostgreSQL container for the lifetime of the JVM. */
final class ContainersBackend {

    private ContainersBackend() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static Infrastructure start(Infrastructure.Factory factory) {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine").withUsername("postgres").withPassword("postgres");
        kafka.start();
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
        }));
        return factory.create(Infrastructure.Mode.CONTAINERS, kafka.getBootstrapServers(),
                new Infrastructure.Postgres(postgres.getHost(), postgres.getMappedPort(5432), "postgres", "postgres"));
    }
}
