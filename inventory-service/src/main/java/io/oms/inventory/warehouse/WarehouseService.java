package io.oms.inventory.warehouse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Warehouses, the primary one, and which warehouse feeds which shop. */
@ApplicationScoped
public class WarehouseService {

    private final Clock clock;

    public WarehouseService(Clock clock) {
        this.clock = clock;
    }

    /** Creates a warehouse; empty when the code exists. The first warehouse becomes primary. */
    @Transactional
    public Optional<Warehouse> create(String code, String name, boolean primary) {
        if (Warehouse.findByIdOptional(code).isPresent()) {
            return Optional.empty();
        }
        boolean makePrimary = primary || primary().isEmpty();
        if (makePrimary) {
            clearPrimary();
        }
        Warehouse warehouse = new Warehouse();
        warehouse.code = code;
        warehouse.name = name;
        warehouse.primaryWarehouse = makePrimary;
        warehouse.createdAt = clock.instant();
        warehouse.persist();
        return Optional.of(warehouse);
    }

    @Transactional
    public List<Warehouse> list() {
        return Warehouse.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    @Transactional
    public Optional<Warehouse> find(String code) {
        return Warehouse.findByIdOptional(code);
    }

    /** Makes the warehouse the primary one; empty when it does not exist. */
    @Transactional
    public Optional<Warehouse> markPrimary(String code) {
        Optional<Warehouse> warehouse = Warehouse.findByIdOptional(code);
        warehouse.ifPresent(w -> {
            if (!w.primaryWarehouse) {
                clearPrimary();
                w.primaryWarehouse = true;
            }
        });
        return warehouse;
    }

    @Transactional
    public Optional<Warehouse> primary() {
        return Warehouse.find("primaryWarehouse", true).firstResultOptional();
    }

    /** Maps a shop to a warehouse (replacing an earlier mapping); empty when the warehouse does not exist. */
    @Transactional
    public Optional<ChannelWarehouse> mapShop(String channel, String shopId, String warehouseCode) {
        if (Warehouse.findByIdOptional(warehouseCode).isEmpty()) {
            return Optional.empty();
        }
        ChannelWarehouse.Key key = new ChannelWarehouse.Key(channel, shopId);
        ChannelWarehouse mapping = ChannelWarehouse.<ChannelWarehouse>findByIdOptional(key).orElseGet(() -> {
            ChannelWarehouse created = new ChannelWarehouse();
            created.key = key;
            return created;
        });
        mapping.warehouseCode = warehouseCode;
        mapping.persist();
        return Optional.of(mapping);
    }

    @Transactional
    public List<ChannelWarehouse> mappings() {
        return ChannelWarehouse.listAll();
    }

    /** The warehouse feeding a shop: its mapping, else the primary warehouse, else none. */
    @Transactional
    public Optional<String> feeding(String channel, String shopId) {
        if (channel != null && shopId != null) {
            Optional<ChannelWarehouse> mapped = ChannelWarehouse.findByIdOptional(new ChannelWarehouse.Key(channel, shopId));
            if (mapped.isPresent()) {
                return Optional.of(mapped.get().warehouseCode);
            }
        }
        return primary().map(w -> w.code);
    }

    private void clearPrimary() {
        Warehouse.update("primaryWarehouse = false where primaryWarehouse = true");
        Warehouse.flush();
    }
}
