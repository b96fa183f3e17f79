package io.oms.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/** Client settings that every producer and consumer of the project shares. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** An idempotent producer that waits for all in-sync replicas: no loss, no broker-side duplicates on retry. */
    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        return producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), clientId);
    }

    /** The same, on a {@link KafkaConnection}'s settings (bootstrap servers and security). */
    public static Map<String, Object> producer(Map<String, Object> connection, String clientId) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // At most 5 in flight keeps per-partition order with idempotence on.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /** A consumer that commits offsets itself, after the database transaction, and sees only committed records. */
    public static Map<String, Object> consumer(String bootstrapServers, String groupId, String autoOffsetReset, int maxPollRecords) {
        return consumer(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), groupId, autoOffsetReset, maxPollRecords);
    }

    /** The same, on a {@link KafkaConnection}'s settings (bootstrap servers and security). */
    public static Map<String, Object> consumer(Map<String, Object> connection, String groupId, String autoOffsetReset, int maxPollRecords) {
        return consumer(connection, groupId, groupId, autoOffsetReset, maxPollRecords);
    }

    /** The same with a client id of its own: one of several consumers of a group (the group id with -0, -1, ...). */
    public static Map<String, Object> consumer(Map<String, Object> connection, String groupId, String clientId, String autoOffsetReset,
            int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
