package io.oms.messaging;

import io.oms.messaging.config.MessagingConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;

import java.util.HashMap;
import java.util.Map;

/**
 * How every Kafka client of the service reaches the brokers: the bootstrap servers and, when configured, the
 * security settings, passed through as Kafka names them: {@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*} (environment: {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...). The local stack sets none: plaintext
 * on loopback.
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> settings;

    public KafkaConnection(MessagingConfig config, @Identifier("default-kafka-broker") Map<String, Object> broker) {
        Map<String, Object> settings = new HashMap<>();
        broker.forEach((name, value) -> {
            if (name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                settings.put(name, value);
            }
        });
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        this.settings = Map.copyOf(settings);
    }

    /** Bootstrap servers and security settings, to start a client's configuration from. */
    public Map<String, Object> settings() {
        return settings;
    }
}
