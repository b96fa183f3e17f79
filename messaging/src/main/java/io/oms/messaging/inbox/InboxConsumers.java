package io.oms.messaging.inbox;

import io.oms.events.CloudEventCodec;
import io.oms.messaging.KafkaClients;
import io.oms.messaging.KafkaConnection;
import io.oms.messaging.config.MessagingConfig;
import io.oms.messaging.metrics.MessagingMetrics;
import io.oms.messaging.tracing.EventTracing;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs one {@link InboxConsumer} thread per {@link EventHandler} bean of the service. */
@ApplicationScoped
public class InboxConsumers {

    /** How a consumer is doing, for health checks, metrics and tests. */
    public record Status(String consumer, boolean running, boolean joined, long applied, long duplicates, long deadLettered) {
    }

    private final Instance<EventHandler<?>> handlers;
    private final CloudEventCodec codec;
    private final InboxStore inbox;
    private final MessagingConfig config;
    private final KafkaConnection connection;
    private final Clock clock;
    private final String applicationName;
    private final MessagingMetrics metrics;
    private final EventTracing tracing;
    private final List<InboxConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private Producer<String, byte[]> deadLetterProducer;

    public InboxConsumers(@Any Instance<EventHandler<?>> handlers, CloudEventCodec codec, InboxStore inbox, MessagingConfig config,
            KafkaConnection connection, Clock clock,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "oms") String applicationName,
            MessagingMetrics metrics, EventTracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.handlers = handlers;
        this.connection = connection;
        this.codec = codec;
        this.inbox = inbox;
        this.config = config;
        this.clock = clock;
        this.applicationName = applicationName;
    }

    /** Starts a consumer per handler; a second call while running does nothing. */
    public synchronized void start() {
        if (!consumers.isEmpty() || handlers.isUnsatisfied()) {
            return;
        }
        MessagingConfig.Consumer settings = config.consumer();
        deadLetterProducer = new KafkaProducer<>(KafkaClients.producer(connection.settings(), applicationName + "-dead-letters"));
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer, clock);
        for (EventHandler<?> handler : handlers) {
            String group = handler.consumerName() + settings.groupSuffix().orElse("");
            KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(KafkaClients.consumer(connection.settings(), group,
                    settings.autoOffsetReset(), settings.maxPollRecords()));
            InboxConsumer consumer = new InboxConsumer(handler, kafka, codec, inbox, deadLetters, settings,
                    metrics.consumer(handler.consumerName(), handler.eventType()), tracing);
            Thread thread = new Thread(consumer, "inbox-" + handler.consumerName());
            thread.setDaemon(true);
            consumers.add(consumer);
            threads.add(thread);
            thread.start();
            Log.infof("consumer %s reads %s (group %s)", handler.consumerName(), handler.eventType().topic(), group);
        }
    }

    /** Stops every consumer after the records in hand, committing their offsets. */
    public synchronized void stop() {
        consumers.forEach(InboxConsumer::stop);
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumers.clear();
        threads.clear();
        if (deadLetterProducer != null) {
            deadLetterProducer.close();
            deadLetterProducer = null;
        }
    }

    public synchronized List<Status> status() {
        List<Status> statuses = new ArrayList<>();
        for (int i = 0; i < consumers.size(); i++) {
            InboxConsumer consumer = consumers.get(i);
            statuses.add(new Status(consumer.name(), threads.get(i).isAlive(), consumer.joined(), consumer.applied(),
                    consumer.duplicates(), consumer.deadLettered()));
        }
        return statuses;
    }

    public Optional<Status> status(String consumer) {
        return status().stream().filter(status -> status.consumer().equals(consumer)).findFirst();
    }

    /** The event types this service has handlers for. */
    public List<io.oms.events.EventType> eventTypes() {
        return handlers.stream().map(handler -> (io.oms.events.EventType) handler.eventType()).distinct().collect(Collectors.toList());
    }

    /** The consumer names this service has handlers for. */
    public List<String> names() {
        return handlers.stream().map(EventHandler::consumerName).collect(Collectors.toList());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneInbox() {
        try {
            int pruned = inbox.prune(config.consumer().inboxRetention());
            if (pruned > 0) {
                Log.infof("forgot %d inbox entries older than %s", pruned, config.consumer().inboxRetention());
            }
        } catch (Exception e) {
            Log.warn("pruning the inbox failed; it is tried again at the next run", e);
        }
    }

}
