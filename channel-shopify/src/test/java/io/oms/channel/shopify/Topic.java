package io.oms.channel.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a topic from the beginning, keeping the records whose key starts with a prefix (one shop's). */
final class Topic implements AutoCloseable {

    static final String ORDERS = "oms.order-imported.v1";
    static final String PUSH_RESULTS = "oms.channel-push-result.v1";

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final String keyPrefix;
    private final List<Record> records = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    Topic(String topic, String keyPrefix) {
        this.topic = topic;
        this.keyPrefix = keyPrefix;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** The imported orders of one Shopify shop. */
    static Topic orders(String domain) {
        return new Topic(ORDERS, "shopify:" + domain + ":");
    }

    /** Everything read so far, after one more poll. */
    List<Record> poll() {
        if (consumer.assignment().isEmpty()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.copyOf(records);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.key() != null && record.key().startsWith(keyPrefix)) {
                try {
                    JsonNode value = json.readTree(record.value());
                    records.add(new Record(record.key(), value.path("revision").asLong(), value));
                } catch (Exception e) {
                    throw new IllegalStateException("unreadable record " + record.key(), e);
                }
            }
        }
        return List.copyOf(records);
    }

    long distinctKeys() {
        return poll().stream().map(Record::key).distinct().count();
    }

    @Override
    public void close() {
        consumer.close();
    }

    record Record(String key, long revision, JsonNode value) {
    }
}
