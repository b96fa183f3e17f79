package io.oms.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A test's reader of one topic from the start of this test run (committed records written since the test JVM
 * started, no consumer group), keeping the records it is told to keep with their JSON value. Records of earlier runs
 * on a broker that outlives them ({@code deploy/local/infra}) are not read: a sandbox restarted by the next run hands
 * out the same shop ids again. The broker is the test's ({@code kafka.bootstrap.servers}).
 */
public final class TopicFromStart implements AutoCloseable {

    /** A kept record: its key and its value as JSON. */
    public record Received(String key, JsonNode value) {
    }

    private final String topic;
    private final Predicate<Received> keep;
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> records = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    public TopicFromStart(String topic, Predicate<Received> keep) {
        this.topic = topic;
        this.keep = keep;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Everything kept so far, after one more poll. */
    public List<Received> poll() {
        if (consumer.assignment().isEmpty()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.copyOf(records);
            }
            consumer.assign(partitions);
            long runStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
            Map<TopicPartition, Long> since = new HashMap<>();
            partitions.forEach(p -> since.put(p, runStarted));
            consumer.offsetsForTimes(since).forEach((partition, offset) -> {
                if (offset == null) {
                    consumer.seekToEnd(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            });
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            Received received = new Received(record.key(), parse(record.value()));
            if (keep.test(received)) {
                records.add(received);
            }
        }
        return List.copyOf(records);
    }

    /** Other tests write records that are not JSON on purpose (for the DLQ): those read as a missing node. */
    private JsonNode parse(String value) {
        try {
            return value == null ? MissingNode.getInstance() : json.readTree(value);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
