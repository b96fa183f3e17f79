package io.oms.messaging;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.inventory.StockChanged;
import io.oms.messaging.inbox.EventHandler;
import io.opentelemetry.api.trace.Span;
import org.jboss.logging.MDC;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The test service's handler: records each application; fails on purpose for SKUs the test names. */
@ApplicationScoped
public class AppliedStock implements EventHandler<StockChanged> {

    public static final String CONSUMER = "messaging-test-stock";

    /** SKUs whose handling throws (after writing, to prove the write is rolled back). */
    static final Set<String> FAILING_SKUS = ConcurrentHashMap.newKeySet();
    /** SKUs whose handling fails as a database in recovery would, this many more times. */
    static final Map<String, AtomicInteger> DATABASE_AWAY_FOR = new ConcurrentHashMap<>();
    /** How often the handler was called per SKU, including failed attempts. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    /** The trace id the handler ran under per SKU: of its current span, and in the log MDC. */
    static final Map<String, String> TRACE_IDS = new ConcurrentHashMap<>();
    static final Map<String, String> MDC_TRACE_IDS = new ConcurrentHashMap<>();
    /** The consumer thread that applied each SKU's event (the last attempt). */
    public static final Map<String, String> THREADS = new ConcurrentHashMap<>();

    private final DataSource dataSource;

    public AppliedStock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public EventType eventType() {
        return EventType.STOCK_CHANGED;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public void handle(CloudEvent<StockChanged> event) {
        String sku = event.data().sku().value();
        ATTEMPTS.computeIfAbsent(sku, any -> new AtomicInteger()).incrementAndGet();
        THREADS.put(sku, Thread.currentThread().getName());
        TRACE_IDS.put(sku, Span.current().getSpanContext().getTraceId());
        Object mdcTraceId = MDC.get("traceId");
        if (mdcTraceId != null) {
            MDC_TRACE_IDS.put(sku, mdcTraceId.toString());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into applied_events (event_id, sku, version) values (?, ?, ?)")) {
            insert.setObject(1, event.id());
            insert.setString(2, sku);
            insert.setLong(3, event.data().version());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        AtomicInteger away = DATABASE_AWAY_FOR.get(sku);
        if (away != null && away.getAndDecrement() > 0) {
            throw new IllegalStateException(new SQLException("FATAL: the database system is starting up", "57P03"));
        }
        if (FAILING_SKUS.contains(sku)) {
            throw new IllegalStateException("refusing " + sku + " on purpose");
        }
    }
}
