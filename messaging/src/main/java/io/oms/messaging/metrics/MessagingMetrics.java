package io.oms.messaging.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oms.events.EventType;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messaging metrics every service serves at {@code /q/metrics} (named in messaging/README.md, "Metrics"):
 * {@code oms_outbox_backlog_events} (unsent outbox rows, counted every {@code oms.messaging.metrics.backlog-every}),
 * and per consumer {@code oms_inbox_events_applied_total}, {@code oms_inbox_duplicates_skipped_total},
 * {@code oms_dlq_records_total{reason}} and {@code oms_consumer_lag_records}.
 */
@ApplicationScoped
public class MessagingMetrics {

    /** Why a record went to the dead-letter topic, as the {@code reason} tag (the full reason is in its dlq_reason header). */
    public enum DeadLetterReason {
        /** not JSON, failed its schema, missing or malformed ce_* headers, unknown ce_type */
        INVALID_EVENT,
        /** a valid event of a type that does not belong on the topic */
        WRONG_TYPE,
        /** the handler kept failing (max-attempts) */
        HANDLER_FAILED;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String BACKLOG = "select count(*) from outbox where sent_at is null";

    private final MeterRegistry registry;
    private final DataSource dataSource;
    private final AtomicLong backlog = new AtomicLong();
    private final Map<String, ConsumerMeters> consumers = new ConcurrentHashMap<>();

    public MessagingMetrics(MeterRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
        Gauge.builder("oms_outbox_backlog_events", backlog, AtomicLong::get)
                .description("outbox rows not yet published to Kafka").register(registry);
    }

    /**
     * The meters of one consumer (a handler), shared by all its instances ({@code oms.messaging.consumer.concurrency}); each
     * instance updates them on its own thread. Created once per consumer name: Micrometer keeps the first gauge registered
     * under an id and ignores later ones, so new meters after a restart of the consumers would report into nothing.
     */
    public ConsumerMeters consumer(String consumer, EventType type) {
        return consumers.computeIfAbsent(consumer, name -> new ConsumerMeters(registry, name, type.topic()));
    }

    /** Counts the unsent outbox rows (an index-only count over the partial index {@code outbox_unsent}). */
    @Scheduled(every = "${oms.messaging.metrics.backlog-every:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refreshOutboxBacklog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(BACKLOG);
                ResultSet result = count.executeQuery()) {
            result.next();
            backlog.set(result.getLong(1));
        } catch (SQLException e) {
            // before the messaging schema exists, or while the database is away: keep the last value
            Log.debugf("cannot count the outbox backlog: %s", e.getMessage());
        }
    }

    /** The last counted outbox backlog. */
    public long outboxBacklog() {
        return backlog.get();
    }

    /**
     * Counters and the lag gauge of one consumer ({@code consumer} = its name, {@code topic} = the topic it reads). The gauge is the
     * sum of the lags its instances reported, each for its own partitions.
     */
    public static final class ConsumerMeters {
        private final MeterRegistry registry;
        private final String consumer;
        private final String topic;
        private final Counter applied;
        private final Counter duplicates;
        private final Map<Integer, AtomicLong> lags = new ConcurrentHashMap<>();

        ConsumerMeters(MeterRegistry registry, String consumer, String topic) {
            this.registry = registry;
            this.consumer = consumer;
            this.topic = topic;
            this.applied = Counter.builder("oms_inbox_events_applied_total").description("events applied by the consumer (first deliveries)")
                    .tags("consumer", consumer, "topic", topic).register(registry);
            this.duplicates = Counter.builder("oms_inbox_duplicates_skipped_total")
                    .description("deliveries the inbox skipped because the consumer had applied the event before")
                    .tags("consumer", consumer, "topic", topic).register(registry);
            Gauge.builder("oms_consumer_lag_records", lags, ConsumerMeters::sum)
                    .description("records of the consumer's partitions not yet read, as of its last poll")
                    .tags("consumer", consumer, "topic", topic).register(registry);
        }

        public void applied(long count) {
            if (count > 0) {
                applied.increment(count);
            }
        }

        public void duplicates(long count) {
            if (count > 0) {
                duplicates.increment(count);
            }
        }

        public void deadLettered(DeadLetterReason reason) {
            Counter.builder("oms_dlq_records_total").description("records the consumer sent to the dead-letter topic")
                    .tags("consumer", consumer, "topic", topic, "reason", reason.tag()).register(registry).increment();
        }

        /** The lag of the consumer's only (or first) instance. */
        public void lag(long records) {
            lag(0, records);
        }

        /** The lag of one instance's partitions, as of its last poll. */
        public void lag(int instance, long records) {
            lags.computeIfAbsent(instance, any -> new AtomicLong()).set(records);
        }

        private static double sum(Map<Integer, AtomicLong> lags) {
            return lags.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }
}
