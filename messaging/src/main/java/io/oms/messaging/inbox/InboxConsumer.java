package io.oms.messaging.inbox;

import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.InvalidEventException;
import io.oms.messaging.config.MessagingConfig;
import io.oms.messaging.metrics.MessagingMetrics.ConsumerMeters;
import io.oms.messaging.metrics.MessagingMetrics.DeadLetterReason;
import io.oms.messaging.outbox.Outbox;
import io.oms.messaging.tracing.EventTracing;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.MDC;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The idempotent consumer loop of one handler (one of its instances): poll; send records that are not valid events to the
 * DLQ; apply the others, each exactly once through the inbox, in database transactions; then
 * commit the offsets. A poll's records are applied in one transaction when they all succeed; when
 * one fails, they are applied one by one, a failing one retried with backoff and finally sent to
 * the DLQ, so a poison record never blocks its partition.
 */
final class InboxConsumer implements Runnable {

    private record Delivery(ConsumerRecord<String, byte[]> record, CloudEvent<Record> event) {
    }

    private final EventHandler<Record> handler;
    private final Consumer<String, byte[]> consumer;
    private final CloudEventCodec codec;
    private final InboxStore inbox;
    private final DeadLetters deadLetters;
    private final MessagingConfig.Consumer settings;
    private final ConsumerMeters meters;
    private final EventTracing tracing;
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Outbox outbox;
    private final Runnable endOfEvent;
    private final Runnable endOfBatch;
    /** unique_violation, deadlock_detected, serialization_failure */
    private static final Set<String> RACES = Set.of("23505", "40P01", "40001");
    /**
     * SQLState classes of a database that is away or overloaded rather than of a record it refuses: connection
     * exceptions (08), operator intervention such as a shutdown or a start in recovery (57P), insufficient resources (53).
     */
    private static final List<String> DATABASE_AWAY = List.of("08", "57P", "53");

    private final int instance;
    private boolean lostARace;
    private volatile boolean running = true;
    private volatile boolean joined;
    private volatile int partitions;

    InboxConsumer(EventHandler<?> handler, Consumer<String, byte[]> consumer, CloudEventCodec codec, InboxStore inbox, Outbox outbox,
            DeadLetters deadLetters, MessagingConfig.Consumer settings, ConsumerMeters meters, EventTracing tracing) {
        this(handler, 0, consumer, codec, inbox, outbox, deadLetters, settings, meters, tracing);
    }

    /** @param instance which of the handler's consumers this is (0 to concurrency - 1): its slot in the shared lag gauge */
    @SuppressWarnings("unchecked")
    InboxConsumer(EventHandler<?> handler, int instance, Consumer<String, byte[]> consumer, CloudEventCodec codec, InboxStore inbox,
            Outbox outbox, DeadLetters deadLetters, MessagingConfig.Consumer settings, ConsumerMeters meters, EventTracing tracing) {
        this.instance = instance;
        this.outbox = outbox;
        this.endOfEvent = handler.flushAfterEachEvent() ? PersistenceContext.flushAndClear() : PersistenceContext.nothing();
        this.endOfBatch = handler.flushAfterEachEvent() ? PersistenceContext.nothing() : PersistenceContext.flush();
        this.meters = meters;
        this.tracing = tracing;
        this.handler = (EventHandler<Record>) handler;
        this.consumer = consumer;
        this.codec = codec;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.settings = settings;
    }

    String name() {
        return handler.consumerName();
    }

    /** True once the consumer joined its group (it has been given its partitions, possibly none). */
    boolean joined() {
        return joined;
    }

    /** How many partitions this instance owns since the last rebalance. */
    int partitions() {
        return partitions;
    }

    long applied() {
        return applied.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long deadLettered() {
        return deadLettered.get();
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(handler.eventType().topic()), new CommitOnRevoke());
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                commitProcessed();
            } catch (RuntimeException e) {
                Log.debugf(e, "consumer %s: final offset commit failed; the records are replayed, and skipped by the inbox", name());
            }
            consumer.close();
        }
    }

    private void pollOnce() throws InterruptedException {
        ConsumerRecords<String, byte[]> records = ConsumerRecords.empty();
        try {
            records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                meters.lag(instance, lag());
                return;
            }
            process(records);
            commitProcessed();
            meters.lag(instance, lag());
        } catch (WakeupException | InterruptedException e) {
            throw e;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved to another consumer before the commit: it replays these
            // records and its inbox skips what was applied here.
            Log.infof("consumer %s: offsets not committed after a rebalance; the new owner replays them", name());
            processed.clear();
        } catch (Exception e) {
            // Kafka or the database is unavailable: nothing of this poll is committed, so replay
            // it (the inbox drops what was applied) after a pause. The loop never dies on it.
            Log.warnf(e, "consumer %s could not process a batch; replaying it", name());
            rewind(records);
            pause(settings.maxBackoff());
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) throws Exception {
        List<Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            String problem;
            try {
                CloudEvent<?> event = codec.decode(record.headers(), record.value());
                if (event.type() == handler.eventType()) {
                    @SuppressWarnings("unchecked")
                    CloudEvent<Record> typed = (CloudEvent<Record>) event;
                    deliveries.add(new Delivery(record, typed));
                    continue;
                }
                problem = "event type " + event.type().ceType() + " does not belong on topic " + record.topic();
                deadLetter(record, problem, DeadLetterReason.WRONG_TYPE);
                continue;
            } catch (InvalidEventException e) {
                problem = e.reason();
            }
            deadLetter(record, problem, DeadLetterReason.INVALID_EVENT);
        }
        if (!deliveries.isEmpty() && !applyTogether(deliveries) && !(lostARace && applyTogether(deliveries))) {
            for (Delivery delivery : deliveries) {
                applyWithRetries(delivery);
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            processed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
    }

    /**
     * The whole poll in one transaction: the inbox rows of all its events in one statement, the handler's batch look-ups,
     * then each new event; outbox rows the handlers add are written together before the commit.
     */
    private boolean applyTogether(List<Delivery> deliveries) {
        try {
            long[] counts = QuarkusTransaction.requiringNew().call(() -> {
                outbox.deferInserts();
                Set<UUID> first = inbox.recordFirstDeliveries(name(), deliveries.stream().map(delivery -> delivery.event().id()).toList());
                List<Delivery> fresh = new ArrayList<>(first.size());
                for (Delivery delivery : deliveries) {
                    if (first.remove(delivery.event().id())) {
                        fresh.add(delivery);
                    }
                }
                if (!fresh.isEmpty()) {
                    handler.beforeBatch(fresh.stream().map(Delivery::event).toList());
                }
                for (Delivery delivery : fresh) {
                    handle(delivery);
                    endOfEvent.run();
                }
                endOfBatch.run();
                outbox.writeDeferred();
                return new long[] {fresh.size(), deliveries.size() - fresh.size()};
            });
            meters.applied(counts[0]);
            meters.duplicates(counts[1]);
            applied.addAndGet(counts[0]);
            duplicates.addAndGet(counts[1]);
            return true;
        } catch (RuntimeException e) {
            lostARace = lostARace(e);
            Log.debugf(e, "consumer %s: a batch of %d failed%s", name(), deliveries.size(),
                    lostARace ? " on a unique key, a deadlock or a serialization conflict" : "");
            return false;
        }
    }

    /**
     * Whether a batch failed because another transaction got there first (two consumer threads creating the same new row,
     * locking rows in opposite orders): the batch is then tried together once more, when the other transaction has
     * committed, before falling back to one record per transaction. One by one, 500 records would cost 500 commits.
     */
    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (RACES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the failure came from the database being away (its SQLState), not from the record. */
    static boolean databaseAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && DATABASE_AWAY.stream().anyMatch(state::startsWith)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void applyWithRetries(Delivery delivery) throws Exception {
        Duration backoff = settings.initialBackoff();
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> applyOnce(delivery));
                if (first) {
                    meters.applied(1);
                } else {
                    meters.duplicates(1);
                }
                (first ? applied : duplicates).incrementAndGet();
                return;
            } catch (RuntimeException e) {
                failure = e;
                if (attempt < settings.maxAttempts()) {
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
                }
            }
        }
        if (databaseAway(failure) || !inbox.databaseAnswers()) {
            // Not the record's fault (a restart can outlast the attempts and answer again by now): keep it, and
            // replay the batch once the database is back.
            throw new IllegalStateException("the database does not answer", failure);
        }
        Log.warnf(failure, "consumer %s: event %s failed %d times; sending it to the DLQ", name(), delivery.event().id(), settings.maxAttempts());
        deadLetter(delivery.record(), "handler failed after " + settings.maxAttempts() + " attempts: " + describe(failure),
                DeadLetterReason.HANDLER_FAILED);
    }

    /**
     * Inside the transaction: the inbox row and the handler's changes commit together, or neither. The handler runs
     * in a span that continues the trace of the event's writer, with the event id in the MDC.
     */
    private boolean applyOnce(Delivery delivery) {
        if (!inbox.recordFirstDelivery(name(), delivery.event().id())) {
            return false;
        }
        handle(delivery);
        return true;
    }

    private void handle(Delivery delivery) {
        MDC.put("eventId", delivery.event().id().toString());
        try {
            tracing.inConsumerSpan(name(), delivery.record(), () -> {
                handler.handle(delivery.event());
                return null;
            });
        } finally {
            MDC.remove("eventId");
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, DeadLetterReason reasonClass) throws Exception {
        Log.warnf("consumer %s: record %s-%d@%d goes to the DLQ: %s", name(), record.topic(), record.partition(), record.offset(), reason);
        deadLetters.send(record, name(), reason);
        deadLettered.incrementAndGet();
        meters.deadLettered(reasonClass);
    }

    /** Records not yet read on this consumer's partitions, from the positions and the last fetched end offsets (no broker call). */
    private long lag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                total += lag.getAsLong();
            }
        }
        return total;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void commitProcessed() {
        if (!processed.isEmpty()) {
            consumer.commitSync(processed);
            processed.clear();
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        processed.clear();
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private final class CommitOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitProcessed();
            InboxConsumer.this.partitions = 0;
        }

        /**
         * A partition this group never committed an offset for starts where {@code auto.offset.reset} says, and the
         * client would look that up only at the next fetch: a record written in between, after readiness said
         * "consuming", would be skipped under {@code latest}. So the start is fixed and committed here, before the
         * consumer counts as joined, and a later rebalance or restart never looks it up again.
         */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
                Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
                for (TopicPartition partition : partitions) {
                    if (committed.get(partition) == null) {
                        start.put(partition, new OffsetAndMetadata(consumer.position(partition)));
                    }
                }
                if (!start.isEmpty()) {
                    consumer.commitSync(start);
                }
            }
            InboxConsumer.this.partitions = consumer.assignment().size();
            joined = true;
        }
    }
}
