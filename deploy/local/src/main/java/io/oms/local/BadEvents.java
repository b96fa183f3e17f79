package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Bad records for the fault run {@code bad-events}: into every topic of the event contract, half not CloudEvents at
 * all (bytes that are not JSON, no headers) and half schema-invalid (the topic's CloudEvent headers around a body its
 * JSON Schema refuses). Then it reads the dead-letter topics: every consumer group reading a topic must have sent
 * each bad record there once, with a reason, while the good records go on.
 *
 * <p>The topics and their {@code ce_type} come from the contract's AsyncAPI document, as {@link CreateTopics} reads it.
 */
final class BadEvents {

    /** One topic's bad records and what the dead-letter topic holds of them. */
    record Outcome(String topic, int sent, Set<String> groups, int deadLetters, int distinctRecords, int withReason, String sampleReasons) {
        int expected() {
            return sent * groups.size();
        }

        boolean complete() {
            return !groups.isEmpty() && deadLetters == expected() && withReason == deadLetters && distinctRecords == sent;
        }
    }

    private static final String REASON = "dlq_reason";
    private static final String CONSUMER = "dlq_consumer";

    private final String bootstrap;
    /** topic → the ce_type of its events. */
    private final Map<String, String> types;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private TopicReader deadLetterTail;
    private final Map<String, Integer> sent = new LinkedHashMap<>();

    BadEvents(String bootstrap, Path asyncApi) throws IOException {
        this.bootstrap = bootstrap;
        this.types = topicsAndTypes(asyncApi);
    }

    /** The contract's topics (not the dead-letter ones) and the ce_type of the message each carries. */
    static Map<String, String> topicsAndTypes(Path asyncApi) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(asyncApi.toFile());
        JsonNode messages = root.path("components").path("messages");
        Map<String, String> types = new LinkedHashMap<>();
        for (Iterator<JsonNode> it = root.path("channels").elements(); it.hasNext();) {
            JsonNode channel = it.next();
            String topic = channel.path("bindings").path("kafka").path("topic").asText();
            if (topic.isEmpty() || topic.endsWith(".dlq")) {
                continue;
            }
            for (Iterator<JsonNode> ms = channel.path("messages").elements(); ms.hasNext();) {
                String ref = ms.next().path("$ref").asText();
                JsonNode message = messages.path(ref.substring(ref.lastIndexOf('/') + 1));
                for (JsonNode part : message.path("headers").path("allOf")) {
                    String type = part.path("properties").path("ce_type").path("const").asText();
                    if (!type.isEmpty()) {
                        types.put(topic, type);
                    }
                }
            }
        }
        if (types.isEmpty()) {
            throw new IllegalStateException(asyncApi + " names no event topic with a ce_type");
        }
        return types;
    }

    Set<String> topics() {
        return types.keySet();
    }

    /** Remembers where each dead-letter topic ends, so that only this run's dead letters are counted. */
    void markDeadLetterEnds() throws Exception {
        deadLetterTail = TopicReader.mark(bootstrap, types.keySet().stream().map(BadEvents::dlq).toList());
    }

    /** Sends {@code perTopic} bad records to every topic: even ones not JSON, odd ones schema-invalid CloudEvents. */
    void inject(int perTopic) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, String> topic : types.entrySet()) {
                for (int n = 0; n < perTopic; n++) {
                    String key = "bad-" + run + "-" + n;
                    ProducerRecord<String, byte[]> record;
                    if (n % 2 == 0) {
                        record = new ProducerRecord<>(topic.getKey(), key, ("not an event {" + n).getBytes(StandardCharsets.UTF_8));
                    } else {
                        record = new ProducerRecord<>(topic.getKey(), key, "{\"bench\":\"schema-invalid\"}".getBytes(StandardCharsets.UTF_8));
                        header(record, "ce_specversion", "1.0");
                        header(record, "ce_id", UUID.randomUUID().toString());
                        header(record, "ce_source", "bench/fault/bad-events");
                        header(record, "ce_type", topic.getValue());
                        header(record, "ce_time", Instant.now().toString());
                        header(record, "content-type", "application/json");
                    }
                    producer.send(record);
                }
                sent.put(topic.getKey(), perTopic);
            }
            producer.flush();
        }
    }

    /** Per topic: the groups reading it now, and this run's dead letters (all of them, distinct records, with a reason). */
    List<Outcome> outcomes() throws Exception {
        Map<String, Set<String>> groupsByTopic = groupsByTopic();
        Map<String, List<ConsumerRecord<String, byte[]>>> letters = new HashMap<>();
        for (ConsumerRecord<String, byte[]> letter : deadLetterTail.read(r -> r.key() != null && r.key().startsWith("bad-" + run + "-"))) {
            letters.computeIfAbsent(letter.topic(), t -> new ArrayList<>()).add(letter);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Integer> topic : sent.entrySet()) {
            List<ConsumerRecord<String, byte[]>> ours = letters.getOrDefault(dlq(topic.getKey()), List.of());
            Set<String> distinct = new HashSet<>();
            Set<String> perGroup = new HashSet<>();
            int withReason = 0;
            Map<Boolean, String> sample = new TreeMap<>(); // was it a CloudEvent (schema-invalid) → its reason
            for (ConsumerRecord<String, byte[]> letter : ours) {
                distinct.add(letter.key());
                perGroup.add(letter.key() + "|" + text(letter.headers().lastHeader(CONSUMER)));
                String reason = text(letter.headers().lastHeader(REASON));
                if (!reason.isEmpty()) {
                    withReason++;
                    sample.putIfAbsent(letter.headers().lastHeader("ce_type") != null, reason.length() > 160 ? reason.substring(0, 160) + "…" : reason);
                }
            }
            outcomes.add(new Outcome(topic.getKey(), topic.getValue(), groupsByTopic.getOrDefault(topic.getKey(), Set.of()), perGroup.size(),
                    distinct.size(), withReason, "not JSON: " + sample.getOrDefault(false, "-") + "; schema-invalid: " + sample.getOrDefault(true, "-")));
        }
        return outcomes;
    }

    /** Consumer groups with a member assigned a partition of the topic (the services' live consumers). */
    private Map<String, Set<String>> groupsByTopic() throws Exception {
        Map<String, Set<String>> byTopic = new HashMap<>();
        try (Admin admin = admin()) {
            List<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream().map(ConsumerGroupListing::groupId).toList();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS).values()) {
                for (MemberDescription member : group.members()) {
                    for (TopicPartition partition : member.assignment().topicPartitions()) {
                        if (types.containsKey(partition.topic())) {
                            byTopic.computeIfAbsent(partition.topic(), t -> new TreeSet<>()).add(group.groupId());
                        }
                    }
                }
            }
        }
        return byTopic;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static String dlq(String topic) {
        return topic + ".dlq";
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Header header) {
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
