package io.oms.channel.etsy;

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

/** Reads oms.order-imported.v1 from the beginning, keeping only one shop's records. */
final class OrderTopic implements AutoCloseable {

    static final String TOPIC = "oms.order-imported.v1";

    private final KafkaConsumer<String, String> consumer;
    private final String keyPrefix;
    private final List<Imported> records = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    OrderTopic(long etsyShopId) {
        this.keyPrefix = "etsy:" + etsyShopId + ":";
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Everything of this shop read so far, after one more poll. */
    List<Imported> poll() {
        if (consumer.assignment().isEmpty()) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
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
                    records.add(new Imported(record.key(), value.path("revision").asLong(), value));
                } catch (Exception e) {
                    throw new IllegalStateException("unreadable record " + record.key(), e);
                }
            }
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }

    record Imported(String key, long revision, JsonNode value) {
    }
}
