package io.oms.inventory.stock;

import io.oms.events.CloudEvent;
import io.oms.events.Sku;
import io.oms.events.inventory.StockChanged;
import io.oms.inventory.config.InventoryConfig;
import io.oms.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * StockChanged, coalesced. A change marks its SKU dirty in the changing transaction (so the event cannot
 * be lost); once per window a publisher turns every dirty SKU into one StockChanged with the stock as
 * committed then, a version one higher than the last, through the outbox. Many changes in a window cost
 * one event, and the last event always carries the latest value: a change that commits after the
 * publisher read the stock marks the SKU dirty again.
 */
@ApplicationScoped
public class StockEvents {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock;
    private final InventoryConfig config;
    private ScheduledExecutorService publisher;

    public StockEvents(EntityManager entityManager, Outbox outbox, Clock clock, InventoryConfig config) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        long window = config.stockEvents().window().toMillis();
        publisher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stock-changed-publisher");
            thread.setDaemon(true);
            return thread;
        });
        publisher.scheduleWithFixedDelay(this::publishSafely, window, window, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (publisher != null) {
            publisher.shutdownNow();
        }
    }

    /** Marks the SKU's stock as changed; it is published with the next window. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markChanged(String sku) {
        entityManager.createNativeQuery("""
                        insert into stock_publication (sku, version, dirty, changed_at) values (?1, 0, true, ?2)
                        on conflict (sku) do update set dirty = true,
                        changed_at = case when stock_publication.dirty then stock_publication.changed_at else excluded.changed_at end""")
                .setParameter(1, sku).setParameter(2, clock.instant()).executeUpdate();
    }

    private void publishSafely() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishDirty);
            } while (published == config.stockEvents().batchSize());
        } catch (Exception e) {
            Log.warn("publishing StockChanged failed; the SKUs stay marked and go with the next window", e);
        }
    }

    /** Publishes one batch of dirty SKUs; answers how many. */
    @SuppressWarnings("unchecked")
    int publishDirty() {
        List<Object[]> dirty = entityManager.createNativeQuery("""
                        select sku, version from stock_publication where dirty
                        order by changed_at limit ?1 for update skip locked""")
                .setParameter(1, config.stockEvents().batchSize()).getResultList();
        for (Object[] row : dirty) {
            String sku = (String) row[0];
            long version = ((Number) row[1]).longValue() + 1;
            List<Stock> stock = Stock.list("sku = ?1 order by warehouseCode", sku);
            List<StockChanged.WarehouseStock> warehouses = stock.stream()
                    .map(s -> new StockChanged.WarehouseStock(s.warehouseCode, s.available())).toList();
            int total = warehouses.stream().mapToInt(StockChanged.WarehouseStock::available).sum();
            entityManager.createNativeQuery("update stock_publication set dirty = false, version = ?2 where sku = ?1")
                    .setParameter(1, sku).setParameter(2, version).executeUpdate();
            outbox.add(CloudEvent.of("/inventory-service/stock", new StockChanged(Sku.of(sku), warehouses, total, version), clock));
        }
        return dirty.size();
    }

    /** The version of the last StockChanged of a SKU, 0 before the first. */
    @Transactional
    public long publishedVersion(String sku) {
        List<?> version = entityManager.createNativeQuery("select version from stock_publication where sku = ?1")
                .setParameter(1, sku).getResultList();
        return version.isEmpty() ? 0 : ((Number) version.get(0)).longValue();
    }

}
