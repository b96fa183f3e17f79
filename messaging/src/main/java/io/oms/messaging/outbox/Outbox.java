package io.oms.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.EncodedEvent;
import io.oms.messaging.tracing.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds events to the service's outbox inside the caller's transaction: the event is published if
 * and only if the state change it describes commits. Never "save, then send".
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, headers, created_at)
            values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""";

    /** A row as it will be inserted. */
    private record Row(UUID id, String topic, String key, String type, String payload, String headers, Timestamp createdAt) {
    }

    /** Rows kept for one transaction while it defers its inserts. */
    private static final class Deferred {
        final List<Row> rows = new ArrayList<>();
        boolean active = true;
    }

    /** The transaction resource holding deferred rows. */
    private static final String DEFERRED = Outbox.class.getName() + ".deferred";

    private final DataSource dataSource;
    private final CloudEventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final RelayWakeUp wakeUp;
    private final EventTracing tracing;
    private final ObjectMapper json = new ObjectMapper();

    public Outbox(DataSource dataSource, CloudEventCodec codec, TransactionSynchronizationRegistry transactions, RelayWakeUp wakeUp,
            EventTracing tracing) {
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.codec = codec;
        this.transactions = transactions;
        this.wakeUp = wakeUp;
    }

    /** Adds one event, keyed as its payload says ({@link CloudEvent#key()}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(CloudEvent<?> event) {
        add(event.key(), event);
    }

    /**
     * Adds one event, to be published on its type's topic with the given record key.
     *
     * @param key the Kafka record key (the aggregate id: order key, SKU, order id), which fixes the partition and so the order
     *            <p>The writer's trace context ({@code traceparent}, {@code tracestate}) is stored with the CloudEvents
     *            headers, so the relay publishes it and the consumer's span continues the writer's trace.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String key, CloudEvent<?> event) {
        EncodedEvent encoded = codec.encode(event);
        Map<String, String> headers = encoded.headers();
        Map<String, String> trace = tracing.currentContext();
        if (!trace.isEmpty()) {
            headers = new LinkedHashMap<>(headers);
            headers.putAll(trace);
        }
        Row row;
        try {
            row = new Row(event.id(), event.type().topic(), key, event.type().ceType(), new String(encoded.value(), StandardCharsets.UTF_8),
                    json.writeValueAsString(headers), Timestamp.from(event.time()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot add event " + event.id() + " to the outbox", e);
        }
        if (transactions.getResource(DEFERRED) instanceof Deferred deferred && deferred.active) {
            deferred.rows.add(row);
            return;
        }
        write(List.of(row));
    }

    /**
     * From now until {@link #writeDeferred()}, this transaction's events are kept in memory and then written in one JDBC
     * batch instead of one insert each (the inbox consumer does this around a batch of events). They still commit with the
     * transaction or not at all; whoever defers must call {@link #writeDeferred()} before the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deferInserts() {
        if (transactions.getResource(DEFERRED) instanceof Deferred deferred) {
            deferred.active = true;
        } else {
            transactions.putResource(DEFERRED, new Deferred());
        }
    }

    /** Writes the events kept since {@link #deferInserts()}; later ones are written at once again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeDeferred() {
        if (!(transactions.getResource(DEFERRED) instanceof Deferred deferred) || !deferred.active) {
            return;
        }
        deferred.active = false;
        List<Row> rows = new ArrayList<>(deferred.rows);
        deferred.rows.clear();
        if (!rows.isEmpty()) {
            write(rows);
        }
    }

    private void write(List<Row> rows) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                insert.setObject(1, row.id());
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.type());
                insert.setString(5, row.payload());
                insert.setString(6, row.headers());
                insert.setTimestamp(7, row.createdAt());
                if (rows.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (rows.size() > 1) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add " + (rows.size() == 1 ? "event " + rows.get(0).id() : rows.size() + " events")
                    + " to the outbox", e);
        }
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp.signal();
                }
            }
        });
    }
}
