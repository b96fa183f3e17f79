package io.oms.inventory.item;

import io.oms.events.CloudEvent;
import io.oms.events.Sku;
import io.oms.events.inventory.PriceChanged;
import io.oms.messaging.outbox.Outbox;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Creates and changes items; a change of price, selling price or currency publishes PriceChanged. */
@ApplicationScoped
public class ItemService {

    /** Whether a save created the item or changed an existing one. */
    public record Saved(Item item, boolean created) {
    }

    public record ItemPage(List<Item> items, long total) {
    }

    private final Outbox outbox;
    private final Clock clock;

    public ItemService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Creates the item or updates it (PUT semantics). */
    @Transactional
    public Saved save(String sku, ItemData data) {
        Optional<Item> existing = Item.findByIdOptional(sku);
        Item item = existing.orElseGet(Item::new);
        boolean created = existing.isEmpty();
        boolean priceChanged = created || !sameAmount(item.price, data.price()) || !sameAmount(item.sellingPrice, data.sellingPrice())
                || !Objects.equals(item.currency, data.currency());
        if (created) {
            item.sku = sku;
            item.createdAt = clock.instant();
        }
        item.name = data.name();
        item.description = data.description();
        item.price = data.price();
        item.sellingPrice = data.sellingPrice();
        item.currency = data.currency();
        item.status = data.status() == null ? Item.Status.ACTIVE : data.status();
        item.updatedAt = clock.instant();
        if (priceChanged) {
            item.priceVersion++;
        }
        if (created) {
            item.persist();
        }
        if (priceChanged) {
            outbox.add(CloudEvent.of("/inventory-service/items",
                    new PriceChanged(Sku.of(sku), item.price, item.sellingPrice, item.currency, item.priceVersion), clock));
        }
        return new Saved(item, created);
    }

    /** Creates the item; empty when the SKU exists already. */
    @Transactional
    public Optional<Item> create(String sku, ItemData data) {
        if (Item.findByIdOptional(sku).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(save(sku, data).item());
    }

    @Transactional
    public Optional<Item> find(String sku) {
        return Item.findByIdOptional(sku);
    }

    /** Items by optional status and name prefix (case-insensitive), ordered by SKU. */
    @Transactional
    public ItemPage list(Item.Status status, String namePrefix, String skuPrefix, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (namePrefix != null && !namePrefix.isBlank()) {
            where.add("lower(name) like :name");
            parameters.and("name", escapeLike(namePrefix.trim().toLowerCase()) + "%");
        }
        if (skuPrefix != null && !skuPrefix.isBlank()) {
            where.add("sku like :sku");
            parameters.and("sku", escapeLike(skuPrefix.trim()) + "%");
        }
        String query = String.join(" and ", where);
        var found = query.isEmpty() ? Item.findAll(Sort.by("sku")) : Item.find(query, Sort.by("sku"), parameters);
        List<Item> items = found.page(Page.of(page, size)).list();
        return new ItemPage(items, found.count());
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
