package io.oms.sandbox.etsy.receipts;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.etsy.EtsyAnswer;
import io.oms.sandbox.etsy.EtsyCall;
import io.oms.sandbox.etsy.EtsyHandler;
import io.oms.sandbox.etsy.EtsyJson;
import io.oms.sandbox.etsy.EtsyShop;
import io.oms.sandbox.etsy.EtsyStore;
import io.oms.sandbox.etsy.ShopOperations;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** getShopReceipts, getShopReceipt, createReceiptShipment. */
@Singleton
public class ReceiptOperations {

    private final EtsyStore store;
    private final SandboxClock clock;

    public ReceiptOperations(EtsyStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Map<String, EtsyHandler> handlers() {
        return Map.of(
                "getShopReceipts", this::getShopReceipts,
                "getShopReceipt", this::getShopReceipt,
                "createReceiptShipment", this::createReceiptShipment);
    }

    /** The shop named in the path, if the token's owner may see it. */
    static Optional<EtsyAnswer> refuseShop(EtsyCall c, long shopId) {
        if (c.token() != null && c.token().shopId != shopId) {
            return Optional.of(EtsyAnswer.error(403, "The shop_id " + shopId
                    + " does not belong to the user associated with the OAuth token."));
        }
        return Optional.empty();
    }

    private Optional<EtsyShop> shop(long shopId) {
        return store.shop(shopId);
    }

    private EtsyAnswer getShopReceipts(EtsyCall c) {
        long shopId = c.pathLong("shop_id");
        Optional<EtsyAnswer> refused = refuseShop(c, shopId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<EtsyShop> shop = shop(shopId);
        if (shop.isEmpty()) {
            return EtsyAnswer.notFound("Shop with shop_id " + shopId + " not found");
        }
        Predicate<EtsyReceipt> filter = r -> true;
        Optional<Long> minCreated = c.queryLong("min_created");
        Optional<Long> maxCreated = c.queryLong("max_created");
        Optional<Long> minModified = c.queryLong("min_last_modified");
        Optional<Long> maxModified = c.queryLong("max_last_modified");
        if (minCreated.isPresent()) {
            filter = filter.and(r -> r.createdAt.getEpochSecond() >= minCreated.get());
        }
        if (maxCreated.isPresent()) {
            filter = filter.and(r -> r.createdAt.getEpochSecond() <= maxCreated.get());
        }
        if (minModified.isPresent()) {
            // Etsy's quirk: cancelled or refunded receipts are not returned by a min_last_modified filter
            filter = filter.and(r -> r.updatedAt.getEpochSecond() >= minModified.get() && !r.canceledOrRefunded());
        }
        if (maxModified.isPresent()) {
            filter = filter.and(r -> r.updatedAt.getEpochSecond() <= maxModified.get());
        }
        Optional<Boolean> paid = c.queryBool("was_paid");
        Optional<Boolean> shipped = c.queryBool("was_shipped");
        Optional<Boolean> delivered = c.queryBool("was_delivered");
        Optional<Boolean> canceled = c.queryBool("was_canceled");
        if (paid.isPresent()) {
            filter = filter.and(r -> r.paid == paid.get());
        }
        if (shipped.isPresent()) {
            filter = filter.and(r -> r.shipped == shipped.get());
        }
        if (delivered.isPresent()) {
            filter = filter.and(r -> !delivered.get()); // the sandbox never marks a receipt delivered
        }
        if (canceled.isPresent()) {
            filter = filter.and(r -> "canceled".equals(r.status) == canceled.get());
        }
        String sortOn = c.query("sort_on").orElse("created");
        String order = c.query("sort_order").orElse("desc");
        Comparator<EtsyReceipt> cmp = switch (sortOn) {
            case "updated" -> Comparator.comparing((EtsyReceipt r) -> r.updatedAt)
                    .thenComparingLong(r -> r.receiptId);
            case "receipt_id" -> Comparator.comparingLong(r -> r.receiptId);
            default -> Comparator.comparing((EtsyReceipt r) -> r.createdAt).thenComparingLong(r -> r.receiptId);
        };
        if (order.startsWith("desc") || order.equals("down")) {
            cmp = cmp.reversed();
        }
        int limit = c.queryLong("limit").map(Long::intValue).orElse(25);
        int offset = c.queryLong("offset").map(Long::intValue).orElse(0);
        List<EtsyReceipt> matching = shop.get().receipts.values().stream().filter(filter).sorted(cmp).toList();
        List<Map<String, Object>> page = matching.stream().skip(offset).limit(limit)
                .map(r -> EtsyJson.receipt(r, shop.get())).toList();
        return EtsyAnswer.ok(Map.of("count", matching.size(), "results", page));
    }

    private EtsyAnswer getShopReceipt(EtsyCall c) {
        long shopId = c.pathLong("shop_id");
        Optional<EtsyAnswer> refused = refuseShop(c, shopId);
        if (refused.isPresent()) {
            return refused.get();
        }
        long receiptId = c.pathLong("receipt_id");
        return shop(shopId).flatMap(s -> Optional.ofNullable(s.receipts.get(receiptId))
                        .map(r -> EtsyAnswer.ok(EtsyJson.receipt(r, s))))
                .orElseGet(() -> EtsyAnswer.notFound("Receipt with receipt_id " + receiptId + " not found"));
    }

    private EtsyAnswer createReceiptShipment(EtsyCall c) {
        long shopId = c.pathLong("shop_id");
        Optional<EtsyAnswer> refused = refuseShop(c, shopId);
        if (refused.isPresent()) {
            return refused.get();
        }
        long receiptId = c.pathLong("receipt_id");
        Optional<EtsyShop> shop = shop(shopId);
        EtsyReceipt r = shop.map(s -> s.receipts.get(receiptId)).orElse(null);
        if (r == null) {
            return EtsyAnswer.notFound("Receipt with receipt_id " + receiptId + " not found");
        }
        String tracking = c.form("tracking_code").orElse("");
        String carrier = c.form("carrier_name").orElse("");
        synchronized (r) {
            if ("canceled".equals(r.status) || "fully refunded".equals(r.status)) {
                return EtsyAnswer.error(400, "Cannot submit tracking for a canceled receipt.");
            }
            if (!r.shipments.isEmpty()) {
                return EtsyAnswer.error(409, "A tracking code has already been submitted for receipt "
                        + receiptId + ".");
            }
            boolean known = Stream.of(ShopOperations.CARRIERS.toArray(String[]::new))
                    .anyMatch(k -> k.equalsIgnoreCase(carrier));
            // Etsy's quirk: an unknown carrier name silently loses the tracking code
            r.shipments.add(new EtsyReceipt.Shipment(store.nextShipmentId(), carrier, known ? tracking : "",
                    clock.instant()));
            r.shipped = true;
            r.status = "completed";
            r.updatedAt = clock.instant();
        }
        return EtsyAnswer.ok(EtsyJson.receipt(r, shop.get()));
    }
}
