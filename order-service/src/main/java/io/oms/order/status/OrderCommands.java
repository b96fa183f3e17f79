package io.oms.order.status;

import io.oms.events.order.OrderStatus;
import io.oms.order.store.OrderEntity;
import io.oms.order.store.ShopSettingsEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What operators and sellers do to orders through the API; every move obeys the {@link StatusMachine}. */
@ApplicationScoped
public class OrderCommands {

    private final StatusChanges statusChanges;
    private final StatusMachine machine;
    private final Clock clock;

    public OrderCommands(StatusChanges statusChanges, StatusMachine machine, Clock clock) {
        this.statusChanges = statusChanges;
        this.machine = machine;
        this.clock = clock;
    }

    /**
     * Releases a held order to NEW (inventory then reserves it); an order that is not held cannot be released.
     * Empty when the order does not exist.
     */
    @Transactional
    public Optional<StatusChanges.Outcome> release(UUID orderId) {
        return OrderEntity.<OrderEntity>findByIdOptional(orderId).map(order -> order.status == OrderStatus.ON_HOLD
                ? statusChanges.move(order, OrderStatus.NEW, "released by an operator", null)
                : new StatusChanges.Outcome.Forbidden(order.status, OrderStatus.NEW, machine.allowedAfter(order.status)));
    }

    /** Releases every held order of a shop; answers how many moved. */
    @Transactional
    public int releaseShop(String channel, String shopId) {
        List<OrderEntity> held = OrderEntity.list("channel = ?1 and shopId = ?2 and status = ?3", channel, shopId, OrderStatus.ON_HOLD);
        int released = 0;
        for (OrderEntity order : held) {
            if (statusChanges.move(order, OrderStatus.NEW, "released with all held orders of the shop", null) instanceof StatusChanges.Outcome.Moved) {
                released++;
            }
        }
        return released;
    }

    /** A seller cancellation: the same rule as the marketplace's (before PACKED it cancels, after it raises cancel-after-pack). */
    @Transactional
    public Optional<StatusChanges.Outcome> cancel(UUID orderId, String reason) {
        String cause = "cancelled by the seller" + (reason == null || reason.isBlank() ? "" : ": " + reason);
        return OrderEntity.<OrderEntity>findByIdOptional(orderId).map(order -> statusChanges.cancel(order, cause, null));
    }

    /** An operator's manual move (for example to PACKED), allowed only as the machine says. */
    @Transactional
    public Optional<StatusChanges.Outcome> move(UUID orderId, OrderStatus to, String cause) {
        return OrderEntity.<OrderEntity>findByIdOptional(orderId)
                .map(order -> statusChanges.move(order, to, cause == null || cause.isBlank() ? "set by an operator" : cause, null));
    }

    @Transactional
    public ShopSettingsEntity saveShopSettings(String channel, String shopId, boolean holdNewOrders) {
        ShopSettingsEntity.Key key = new ShopSettingsEntity.Key(channel, shopId);
        ShopSettingsEntity settings = ShopSettingsEntity.findById(key);
        boolean created = settings == null;
        if (created) {
            settings = new ShopSettingsEntity();
            settings.key = key;
        }
        settings.holdNewOrders = holdNewOrders;
        settings.updatedAt = clock.instant();
        if (created) {
            // persist takes the entity's state for the insert: set every column first
            settings.persist();
        }
        return settings;
    }
}
