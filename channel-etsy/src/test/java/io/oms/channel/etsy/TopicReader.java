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
import java.util.function.Predicate;

/** Reads a topic from the beginning, keeping the records whose JSON value matches. */
final class TopicReader implements AutoCloseable {

    private final String topic;
    private final Predicate<JsonNode> keep;
    private final KafkaConsumer<String, String> consumer;
    private final List<JsonNode> records = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    TopicReader(String topic, Predicate<JsonNode> keep) {
        this.topic = topic;
        this.keep = keep;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Everything kept so far, after one more poll. */
    List<JsonNode> poll() {
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
            try {
                JsonNode value = json.readTree(record.value());
                if (keep.test(value)) {
                    records.add(value);
                }
            } catch (Exception e) {
                throw new IllegalStateException("unreadable record " + record.key(), e);
            }
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
