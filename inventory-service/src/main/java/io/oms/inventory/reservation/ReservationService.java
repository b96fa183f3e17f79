package io.oms.inventory.reservation;

import io.oms.events.CloudEvent;
import io.oms.events.OrderId;
import io.oms.events.Sku;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.events.inventory.ReservationResult;
import io.oms.events.order.OrderStatusChanged;
import io.oms.inventory.item.Item;
import io.oms.inventory.stock.LedgerEntry;
import io.oms.inventory.stock.Stock;
import io.oms.inventory.stock.StockIncreased;
import io.oms.inventory.stock.StockEvents;
import io.oms.inventory.stock.StockLedger;
import io.oms.inventory.warehouse.WarehouseService;
import io.oms.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reserves stock for orders, serves waiting orders oldest first when stock arrives, releases on
 * cancellation and turns reservations into shipped stock. Lock order everywhere: stock rows (sorted by
 * SKU), then the order's lines, so two writers never wait for each other in a circle.
 */
@ApplicationScoped
public class ReservationService {

    private static final String SOURCE = "/inventory-service/reservations";

    private final StockLedger ledger;
    private final WarehouseService warehouses;
    private final Outbox outbox;
    private final Clock clock;
    private final StockEvents stockEvents;

    public ReservationService(StockLedger ledger, WarehouseService warehouses, Outbox outbox, Clock clock, StockEvents stockEvents) {
        this.stockEvents = stockEvents;
        this.ledger = ledger;
        this.warehouses = warehouses;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies an order's status change: reserve a new order, release a cancelled one. */
    @Transactional
    public void onStatusChanged(OrderStatusChanged change) {
        switch (ReservationRules.forNewStatus(change.newStatus())) {
            case RESERVE -> reserve(change);
            case RELEASE -> release(change.orderId().value(), change);
            case NONE -> {
            }
        }
    }

    /** Reserves a new order's lines, all or what is available, and publishes the result. A known order is left alone. */
    @Transactional
    public Optional<ReservationResult> reserve(OrderStatusChanged order) {
        String orderId = order.orderId().value();
        if (ReservedOrder.findByIdOptional(orderId).isPresent()) {
            return Optional.empty();
        }
        String channel = order.channel() == null ? null : order.channel().value();
        String shopId = order.shopId() == null ? null : order.shopId().value();
        ReservedOrder reserved = new ReservedOrder();
        reserved.orderId = orderId;
        reserved.channel = channel;
        reserved.shopId = shopId;
        reserved.warehouseCode = warehouses.feeding(channel, shopId).orElse(null);
        reserved.status = ReservedOrder.Status.OPEN;
        reserved.createdAt = clock.instant();
        reserved.persist();

        List<ReservationLine> lines = new ArrayList<>();
        for (OrderStatusChanged.Line line : order.lines()) {
            if (line.sku() == null || line.quantity() <= 0) {
                Log.warnf("order %s line %s has no SKU or no quantity; nothing to reserve for it", orderId, line.lineId());
                continue;
            }
            ReservationLine entity = new ReservationLine();
            entity.orderId = orderId;
            entity.lineId = line.lineId();
            entity.sku = line.sku().value();
            entity.quantity = line.quantity();
            entity.waiting = true;
            entity.createdAt = reserved.createdAt;
            entity.persist();
            lines.add(entity);
        }
        if (reserved.warehouseCode != null) {
            Map<String, Stock> stock = lockStock(reserved.warehouseCode, lines.stream().map(l -> l.sku).toList());
            for (ReservationLine line : lines) {
                Stock row = stock.get(line.sku);
                if (row != null && take(row, line, line.missing(), orderId) == 0) {
                    // Nothing left to reserve, so our count did not change, but the marketplace lowered its own
                    // when it sold the line: the shops are told our count again, or they would go on showing
                    // less stock (Shopify: below zero) than we have.
                    stockEvents.markChanged(line.sku);
                }
                line.refreshWaiting(true);
            }
        }
        return Optional.of(publish(reserved, lines));
    }

    /** Releases what a cancelled order holds; the freed stock goes to waiting orders. */
    @Transactional
    public void release(String orderId, OrderStatusChanged change) {
        Optional<ReservedOrder> known = ReservedOrder.findByIdOptional(orderId);
        if (known.isEmpty()) {
            // remember the cancellation, so a late "new" for this order reserves nothing
            ReservedOrder cancelled = new ReservedOrder();
            cancelled.orderId = orderId;
            cancelled.channel = change == null || change.channel() == null ? null : change.channel().value();
            cancelled.shopId = change == null || change.shopId() == null ? null : change.shopId().value();
            cancelled.status = ReservedOrder.Status.CANCELLED;
            cancelled.createdAt = clock.instant();
            cancelled.persist();
            return;
        }
        ReservedOrder order = known.get();
        if (order.status == ReservedOrder.Status.CANCELLED) {
            return;
        }
        List<ReservationLine> unlocked = linesOf(orderId);
        Map<String, Stock> stock = order.warehouseCode == null ? Map.of()
                : lockStock(order.warehouseCode, unlocked.stream().filter(l -> l.reserved > 0).map(l -> l.sku).toList());
        ReservedOrder.<ReservedOrder>findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        order.status = ReservedOrder.Status.CANCELLED;
        List<ReservationLine> lines = lockedLinesOf(orderId);
        for (ReservationLine line : lines) {
            line.waiting = false;
        }
        ReservationLine.flush();
        for (ReservationLine line : lines) {
            if (line.reserved > 0) {
                int quantity = line.reserved;
                line.reserved = 0;
                ledger.apply(stock.get(line.sku), LedgerEntry.Kind.RELEASE, 0, -quantity, "order cancelled", orderId);
            }
        }
        Log.infof("order %s cancelled: reservations released", orderId);
    }

    /** Shipped lines leave the warehouse: their reservations become stock going out (on hand and reserved go down). */
    @Transactional
    public void ship(ShipmentCreated shipment) {
        String orderId = shipment.orderId().value();
        Optional<ReservedOrder> order = ReservedOrder.findByIdOptional(orderId);
        String warehouse = order.map(o -> o.warehouseCode).orElseGet(() -> warehouses.feeding(
                shipment.channel() == null ? null : shipment.channel().value(),
                shipment.shopId() == null ? null : shipment.shopId().value()).orElse(null));
        if (warehouse == null) {
            Log.warnf("shipment %s of order %s: no warehouse to take the stock from", shipment.shipmentId(), orderId);
            return;
        }
        List<String> skus = shipment.lines().stream().filter(l -> l.sku() != null).map(l -> l.sku().value()).toList();
        Map<String, Stock> stock = lockStock(warehouse, skus);
        List<ReservationLine> lines = order.isPresent() ? lockedLinesOf(orderId) : List.of();
        boolean open = order.map(o -> o.status == ReservedOrder.Status.OPEN).orElse(false);
        String reference = shipment.shipmentId();
        for (ShipmentCreated.Line shipped : shipment.lines()) {
            if (shipped.sku() == null || stock.get(shipped.sku().value()) == null) {
                continue;
            }
            Stock row = stock.get(shipped.sku().value());
            int remaining = shipped.quantity();
            for (ReservationLine line : lines) {
                if (remaining == 0 || !line.sku.equals(row.sku) || line.reserved == 0) {
                    continue;
                }
                int taken = Math.min(remaining, line.reserved);
                line.reserved -= taken;
                line.shipped += taken;
                remaining -= taken;
                ledger.apply(row, LedgerEntry.Kind.SHIPMENT, -taken, -taken, "shipped", reference);
            }
            // shipped beyond what was reserved: it left all the same, from the free stock
            int unreserved = Math.min(remaining, row.available());
            if (unreserved > 0) {
                int uncounted = unreserved;
                for (ReservationLine line : lines) {
                    if (line.sku.equals(row.sku) && line.missing() > 0 && uncounted > 0) {
                        int counted = Math.min(uncounted, line.missing());
                        line.shipped += counted;
                        uncounted -= counted;
                        line.refreshWaiting(open);
                    }
                }
                ledger.apply(row, LedgerEntry.Kind.SHIPMENT, -unreserved, 0, "shipped without reservation", reference);
            }
            if (remaining > unreserved) {
                Log.warnf("shipment %s ships %d of %s more than %s holds", reference, remaining - unreserved, row.sku, warehouse);
            }
        }
    }

    /** Stock arrived (or was released): reserve it for the orders waiting for this SKU in this warehouse, oldest first. */
    void serveWaiting(@Observes StockIncreased increased) {
        List<ReservationLine> waiting = ReservationLine.find("""
                        select l from ReservationLine l, ReservedOrder o
                        where l.waiting = true and l.sku = ?1 and o.orderId = l.orderId and o.status = ?2 and o.warehouseCode = ?3
                        order by l.createdAt, l.id""", increased.sku(), ReservedOrder.Status.OPEN, increased.warehouseCode())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (waiting.isEmpty()) {
            return;
        }
        Stock row = ledger.lock(increased.sku(), increased.warehouseCode());
        Set<String> served = new LinkedHashSet<>();
        for (ReservationLine line : waiting) {
            if (row.available() == 0) {
                break;
            }
            if (take(row, line, line.missing(), line.orderId) > 0) {
                served.add(line.orderId);
            }
            line.refreshWaiting(true);
        }
        for (String orderId : served) {
            publish(ReservedOrder.findById(orderId), linesOf(orderId));
        }
    }

    /** What the order holds now, for the API. */
    @Transactional
    public Optional<ReservationResult> current(String orderId) {
        return ReservedOrder.<ReservedOrder>findByIdOptional(orderId).map(order -> result(order, linesOf(orderId)));
    }

    private int take(Stock row, ReservationLine line, int wanted, String orderId) {
        int taken = Math.min(wanted, row.available());
        if (taken > 0) {
            line.reserved += taken;
            ledger.apply(row, LedgerEntry.Kind.RESERVATION, 0, taken, "reserved for order", orderId);
        }
        return taken;
    }

    /** Locks the stock rows of the SKUs (in SKU order); SKUs without an item are left out. */
    private Map<String, Stock> lockStock(String warehouse, List<String> skus) {
        Map<String, Stock> locked = new TreeMap<>();
        for (String sku : new TreeSet<>(skus)) {
            if (Item.findByIdOptional(sku).isPresent()) {
                locked.put(sku, ledger.lock(sku, warehouse));
            }
        }
        return locked;
    }

    private static List<ReservationLine> linesOf(String orderId) {
        return ReservationLine.list("orderId = ?1 order by id", orderId);
    }

    private static List<ReservationLine> lockedLinesOf(String orderId) {
        return ReservationLine.find("orderId = ?1 order by id", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private ReservationResult publish(ReservedOrder order, List<ReservationLine> lines) {
        ReservationResult result = result(order, lines);
        outbox.add(CloudEvent.of(SOURCE, result, clock));
        return result;
    }

    private static ReservationResult result(ReservedOrder order, List<ReservationLine> lines) {
        List<ReservationResult.Line> reserved = new ArrayList<>();
        List<ReservationResult.Line> missing = new ArrayList<>();
        lines.stream().sorted(Comparator.comparing(l -> l.id)).forEach(line -> {
            if (line.reserved + line.shipped > 0) {
                reserved.add(new ReservationResult.Line(line.lineId, Sku.of(line.sku), line.reserved + line.shipped));
            }
            if (line.missing() > 0) {
                missing.add(new ReservationResult.Line(line.lineId, Sku.of(line.sku), line.missing()));
            }
        });
        boolean anyReserved = !reserved.isEmpty();
        return new ReservationResult(OrderId.of(order.orderId), reserved, missing, anyReserved ? order.warehouseCode : null);
    }
}
