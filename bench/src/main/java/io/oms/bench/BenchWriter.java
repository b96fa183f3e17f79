package io.oms.bench;

import io.oms.events.CloudEvent;
import io.oms.events.Sku;
import io.oms.events.inventory.PriceChanged;
import io.oms.events.inventory.StockChanged;
import io.oms.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** Writes events the way a service does: through the outbox, inside a transaction. */
@ApplicationScoped
public class BenchWriter {

    private final Outbox outbox;
    private final Clock clock;

    public BenchWriter(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One transaction with {@code count} PriceChanged events (nobody consumes them: relay throughput only). */
    @Transactional
    public void writePrices(String skuPrefix, long firstVersion, int count) {
        for (int i = 0; i < count; i++) {
            long version = firstVersion + i;
            PriceChanged payload = new PriceChanged(Sku.of(skuPrefix + (version % 100)), new BigDecimal("19.90"), null, "EUR", version);
            outbox.add(CloudEvent.of("/bench", payload, clock));
        }
    }

    /** One transaction with one StockChanged event, consumed by {@link LatencyRecorder}. */
    @Transactional
    public void writeStock(String sku, long version) {
        StockChanged payload = new StockChanged(Sku.of(sku), List.of(new StockChanged.WarehouseStock("MAIN", 7)), 7, version);
        outbox.add(CloudEvent.of("/bench", payload, clock));
    }
}
