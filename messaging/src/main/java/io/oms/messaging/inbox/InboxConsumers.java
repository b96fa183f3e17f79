package io.oms.messaging.inbox;

import io.oms.events.CloudEventCodec;
import io.oms.messaging.KafkaClients;
import io.oms.messaging.KafkaConnection;
import io.oms.messaging.config.MessagingConfig;
import io.oms.messaging.metrics.MessagingMetrics;
import io.oms.messaging.outbox.Outbox;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs {@code oms.messaging.consumer.concurrency} {@link InboxConsumer} threads (default 1) per {@link EventHandler} bean of the
 * service, all in the handler's consumer group: Kafka shares the topic's partitions among them, so an event's key (and
 * so its aggregate) stays on one thread, and each thread applies its own polls in its own transactions.
 */
@ApplicationScoped
public class InboxConsumers {

    /**
     * How a consumer (a handler, all its instances together) is doing, for health checks, metrics and tests: running while
     * every instance's thread is alive, joined once every instance joined the group, the counts summed.
     */
    public record Status(String consumer, boolean running, boolean joined, long applied, long duplicates, long deadLettered) {
    }

    private final Instance<EventHandler<?>> handlers;
    private final CloudEventCodec codec;
    private final InboxStore inbox;
    private final Outbox outbox;
    private final MessagingConfig config;
    private final KafkaConnection connection;
    private final Clock clock;
    private final String applicationName;
    private final MessagingMetrics metrics;
    private final EventTracing tracing;
    private final List<InboxConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private Producer<String, byte[]> deadLetterProducer;

    public InboxConsumers(@Any Instance<EventHandler<?>> handlers, CloudEventCodec codec, InboxStore inbox, Outbox outbox,
            MessagingConfig config, KafkaConnection connection, Clock clock,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "oms") String applicationName,
            MessagingMetrics metrics, EventTracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.handlers = handlers;
        this.connection = connection;
        this.codec = codec;
        this.inbox = inbox;
        this.outbox = outbox;
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
        int concurrency = Math.max(1, settings.concurrency());
        for (EventHandler<?> handler : handlers) {
            String group = handler.consumerName() + settings.groupSuffix().orElse("");
            MessagingMetrics.ConsumerMeters meters = metrics.consumer(handler.consumerName(), handler.eventType());
            for (int instance = 0; instance < concurrency; instance++) {
                KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(KafkaClients.consumer(connection.settings(), group,
                        group + "-" + instance, settings.autoOffsetReset(), settings.maxPollRecords()));
                InboxConsumer consumer = new InboxConsumer(handler, instance, kafka, codec, inbox, outbox, deadLetters, settings, meters, tracing);
                Thread thread = new Thread(consumer, "inbox-" + handler.consumerName() + "-" + instance);
                thread.setDaemon(true);
                consumers.add(consumer);
                threads.add(thread);
                thread.start();
            }
            Log.infof("consumer %s reads %s (group %s, %d consumer%s)", handler.consumerName(), handler.eventType().topic(), group,
                    concurrency, concurrency == 1 ? "" : "s");
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

    /** One status per consumer name, in the order the handlers started, each aggregating the name's instances. */
    public synchronized List<Status> status() {
        Map<String, Status> statuses = new LinkedHashMap<>();
        for (int i = 0; i < consumers.size(); i++) {
            InboxConsumer consumer = consumers.get(i);
            Status one = new Status(consumer.name(), threads.get(i).isAlive(), consumer.joined(), consumer.applied(),
                    consumer.duplicates(), consumer.deadLettered());
            statuses.merge(consumer.name(), one, (a, b) -> new Status(a.consumer(), a.running() && b.running(), a.joined() && b.joined(),
                    a.applied() + b.applied(), a.duplicates() + b.duplicates(), a.deadLettered() + b.deadLettered()));
        }
        return new ArrayList<>(statuses.values());
    }

    /** The running instances of one consumer, in instance order (for tests of this package). */
    synchronized List<InboxConsumer> instances(String consumer) {
        return consumers.stream().filter(instance -> instance.name().equals(consumer)).toList();
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
