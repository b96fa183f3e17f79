package io.oms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates every topic of the event contract on the local broker, as the contract's AsyncAPI document
 * ({@code events/asyncapi.yaml}, the one topic definition; the events module checks it against the code) says:
 * the Kafka binding's topic name, partitions (the default for topics without any, the DLQs) and cleanup policy.
 * Topics that exist are left as they are.
 *
 * <p>Usage: {@code CreateTopics <bootstrapServers> <asyncapi.yaml> <defaultPartitions>}.
 */
public final class CreateTopics {

    record Topic(String name, int partitions, String cleanupPolicy) {
    }

    private CreateTopics() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CreateTopics <bootstrapServers> <asyncapi.yaml> <defaultPartitions>");
            System.exit(2);
        }
        List<Topic> topics = read(Path.of(args[1]), Integer.parseInt(args[2]));
        List<NewTopic> wanted = topics.stream()
                .map(t -> new NewTopic(t.name(), Optional.of(t.partitions()), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanupPolicy())))
                .toList();
        int created = 0;
        int present = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(wanted).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    present++;
                }
            }
        }
        System.out.printf("topics: %d in the contract, %d created, %d were there%n", topics.size(), created, present);
    }

    static List<Topic> read(Path asyncApi, int defaultPartitions) throws java.io.IOException {
        JsonNode channels = new ObjectMapper(new YAMLFactory()).readTree(asyncApi.toFile()).path("channels");
        List<Topic> topics = new ArrayList<>();
        for (Iterator<JsonNode> it = channels.elements(); it.hasNext();) {
            JsonNode kafka = it.next().path("bindings").path("kafka");
            if (kafka.isMissingNode()) {
                continue;
            }
            String policy = kafka.path("topicConfiguration").path("cleanup.policy").path(0).asText("delete");
            topics.add(new Topic(kafka.path("topic").asText(), kafka.path("partitions").asInt(defaultPartitions), policy));
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException(asyncApi + " names no Kafka topic");
        }
        return topics;
    }
}
