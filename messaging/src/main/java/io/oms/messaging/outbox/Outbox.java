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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds events to the service's outbox inside the caller's transaction: the event is published if
 * and only if the state change it describes commits. Never "save, then send".
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, headers, created_at)
            values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""";

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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.id());
            insert.setString(2, event.type().topic());
            insert.setString(3, key);
            insert.setString(4, event.type().ceType());
            insert.setString(5, new String(encoded.value(), StandardCharsets.UTF_8));
            insert.setString(6, json.writeValueAsString(headers));
            insert.setTimestamp(7, Timestamp.from(event.time()));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot add event " + event.id() + " to the outbox", e);
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
