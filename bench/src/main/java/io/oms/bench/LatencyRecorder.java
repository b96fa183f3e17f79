package io.oms.bench;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.inventory.StockChanged;
import io.oms.messaging.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The bench consumer: applies each StockChanged with one row, as a service would, and takes the
 * time from the event's creation (its outbox insert) to the commit of that row.
 */
@ApplicationScoped
public class LatencyRecorder implements EventHandler<StockChanged> {

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();

    public LatencyRecorder(DataSource dataSource, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public EventType eventType() {
        return EventType.STOCK_CHANGED;
    }

    @Override
    public String consumerName() {
        return "oms-bench.latency";
    }

    @Override
    public void handle(CloudEvent<StockChanged> event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into bench_applied (event_id, latency_us) values (?, ?)")) {
            insert.setObject(1, event.id());
            insert.setLong(2, micros(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    latenciesMicros.add(micros(event));
                }
            }
        });
    }

    private long micros(CloudEvent<StockChanged> event) {
        return Duration.between(event.time(), clock.instant()).toNanos() / 1000;
    }

    /** Takes the latencies recorded so far and forgets them. */
    public long[] drain() {
        java.util.List<Long> taken = new java.util.ArrayList<>();
        for (Long latency = latenciesMicros.poll(); latency != null; latency = latenciesMicros.poll()) {
            taken.add(latency);
        }
        return taken.stream().mapToLong(Long::longValue).toArray();
    }
}
