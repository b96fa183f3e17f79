package io.oms.messaging;

import io.oms.events.EventType;
import io.oms.messaging.config.MessagingConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics a service consumes (and their dead-letter topics) when they are missing, with
 * the contract's partitions and compaction, before its consumers subscribe: a consumer that joins
 * before its topic exists is given no partitions and may start reading after the first records.
 * Topics that exist are left as they are (a platform team may manage them, e.g. with Strimzi).
 */
@ApplicationScoped
public class TopicSetup {

    private final MessagingConfig config;
    private final KafkaConnection connection;

    public TopicSetup(MessagingConfig config, KafkaConnection connection) {
        this.config = config;
        this.connection = connection;
    }

    public void ensure(Collection<EventType> types) {
        if (!config.topics().create() || types.isEmpty()) {
            return;
        }
        List<NewTopic> topics = new ArrayList<>();
        for (EventType type : types) {
            Map<String, String> settings = type.compacted()
                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                    : Map.of();
            topics.add(new NewTopic(type.topic(), Optional.of(config.topics().partitions()), Optional.empty()).configs(settings));
            topics.add(new NewTopic(type.dlqTopic(), Optional.of(config.topics().partitions()), Optional.empty()));
        }
        try (Admin admin = Admin.create(connection.settings())) {
            CreateTopicsResult result = admin.createTopics(topics);
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> created : result.values().entrySet()) {
                try {
                    created.getValue().get(60, TimeUnit.SECONDS);
                    Log.infof("created topic %s", created.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        Log.warnf(e.getCause(), "could not create topic %s; consumers subscribe anyway", created.getKey());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException e) {
            Log.warn("creating topics took over 60 s; consumers subscribe anyway", e);
        }
    }
}
