package io.oms.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class KafkaConnectionTest {

    @Inject
    KafkaConnection connection;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyClientGetsTheBootstrapServersAndTheConfiguredSecuritySettingsButNothingElseOfKafkaStar() {
        assertThat(connection.settings())
                .containsEntry("bootstrap.servers", bootstrapServers)
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .allSatisfy((name, value) -> assertThat(name).matches("bootstrap\\.servers|security\\..*|sasl\\..*|ssl\\..*"));
        assertThat(KafkaClients.producer(connection.settings(), "probe")).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("acks", "all");
        assertThat(KafkaClients.consumer(connection.settings(), "group", "earliest", 10)).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }
}
