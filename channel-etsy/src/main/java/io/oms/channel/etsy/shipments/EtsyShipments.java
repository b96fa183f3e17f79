package io.oms.channel.etsy.shipments;

import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.core.marketplace.MarketplaceUnavailable;
import io.oms.channel.core.marketplace.ReauthenticationRequired;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.push.PushOutcome;
import io.oms.channel.core.shipment.ShipmentChannel;
import io.oms.channel.etsy.client.EtsyApi;
import io.oms.channel.etsy.client.EtsyClient;
import io.oms.channel.etsy.client.EtsyModel;
import io.oms.events.fulfilment.ShipmentCreated;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A shipment as Etsy takes it: one tracking code per receipt (createReceiptShipment). The receipt is read first:
 * a receipt that already has a tracking code, or a shipment that leaves lines out, is refused in words and nothing
 * is sent. The carrier is checked against getShippingCarriers, because Etsy silently drops the tracking code of a
 * carrier it does not know: an unknown carrier goes as "Other" with its name (and tracking page) in the note.
 */
@ApplicationScoped
public class EtsyShipments implements ShipmentChannel {

    static final String ONE_TRACKING_CODE = "Etsy takes one tracking code per order";
    private static final Duration CARRIERS_KEPT = Duration.ofHours(24);

    private final EtsyApi api;
    private final EtsyClient client;
    private final Clock clock;
    private final Map<String, Carriers> carriers = new ConcurrentHashMap<>();

    public EtsyShipments(@RestClient EtsyApi api, EtsyClient client, Clock clock) {
        this.api = api;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public PushOutcome pushShipment(ShopAccess shop, ShipmentCreated shipment) {
        long shopId = Long.parseLong(shop.externalShopId());
        long receiptId;
        try {
            receiptId = Long.parseLong(shipment.externalOrderId().trim());
        } catch (NumberFormatException e) {
            return PushOutcome.refused("external order id " + shipment.externalOrderId() + " is no Etsy receipt id");
        }
        try {
            EtsyModel.ReceiptShipments receipt = client.call(shop, (key, bearer) -> api.getShopReceipt(key, bearer, shopId, receiptId));
            Optional<String> refusal = refusal(receipt, shipment);
            if (refusal.isPresent()) {
                boolean alreadyOurs = receipt.shipments() != null && shipment.trackingNumber() != null && receipt.shipments().stream()
                        .anyMatch(s -> shipment.trackingNumber().equals(s.tracking_code()));
                return alreadyOurs ? PushOutcome.success("already on the receipt: " + shipment.trackingNumber()) : PushOutcome.refused(refusal.get());
            }
            Optional<String> known = carrier(shop, shipment.carrier());
            String carrier = known.orElse("Other");
            String note = known.isPresent() ? null : "Shipped with " + shipment.carrier()
                    + (shipment.trackingUrl() == null ? "" : ", tracking: " + shipment.trackingUrl());
            client.call(shop, (key, bearer) -> api.createReceiptShipment(key, bearer, shopId, receiptId, shipment.trackingNumber(), carrier, note));
            return PushOutcome.success(carrier + " " + shipment.trackingNumber() + (note == null ? "" : " (" + note + ")"));
        } catch (ReauthenticationRequired e) {
            throw e;
        } catch (MarketplaceUnavailable e) {
            return PushOutcome.later(e.getMessage());
        } catch (MarketplaceRefusal e) {
            return PushOutcome.refused(e.getMessage());
        }
    }

    /** Why Etsy cannot take this shipment, if it cannot: a tracking code already there, or lines left out. */
    static Optional<String> refusal(EtsyModel.ReceiptShipments receipt, ShipmentCreated shipment) {
        if (receipt.shipments() != null && !receipt.shipments().isEmpty()) {
            return Optional.of(ONE_TRACKING_CODE + ": receipt " + receipt.receipt_id() + " already has tracking code "
                    + receipt.shipments().get(0).tracking_code() + ", so shipment " + shipment.shipmentId() + " was not sent");
        }
        List<EtsyModel.Transaction> transactions = receipt.transactions() == null ? List.of() : receipt.transactions();
        if (shipment.lines().isEmpty() || transactions.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> shipped = shipment.lines().stream().filter(l -> l.externalLineId() != null)
                .collect(Collectors.toMap(ShipmentCreated.Line::externalLineId, ShipmentCreated.Line::quantity, Integer::sum));
        Map<String, Integer> shippedBySku = shipment.lines().stream().filter(l -> l.externalLineId() == null && l.sku() != null)
                .collect(Collectors.toMap(l -> l.sku().value(), ShipmentCreated.Line::quantity, Integer::sum));
        long missing = transactions.stream().filter(t -> {
            int covered = shipped.getOrDefault(String.valueOf(t.transaction_id()), 0) + (t.sku() == null ? 0 : shippedBySku.getOrDefault(t.sku(), 0));
            return covered < t.quantity();
        }).count();
        if (missing > 0) {
            return Optional.of(ONE_TRACKING_CODE + " and no partial shipments: shipment " + shipment.shipmentId() + " leaves out "
                    + missing + " of the " + transactions.size() + " lines of receipt " + receipt.receipt_id() + ", so it was not sent");
        }
        return Optional.empty();
    }

    /** The carrier as Etsy spells it, if Etsy knows it (from getShippingCarriers of the shop's country, kept a day). */
    private Optional<String> carrier(ShopAccess shop, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Carriers known = carriers.get(shop.externalShopId());
        if (known == null || known.readAt().plus(CARRIERS_KEPT).isBefore(clock.instant())) {
            long shopId = Long.parseLong(shop.externalShopId());
            EtsyModel.Shop etsyShop = client.call(shop, (key, bearer) -> api.getShop(key, bearer, shopId));
            String country = etsyShop.shipping_from_country_iso() == null ? "US" : etsyShop.shipping_from_country_iso();
            EtsyModel.Carriers answer = client.call(shop, (key, bearer) -> api.getShippingCarriers(key, bearer, country));
            known = new Carriers(answer.results().stream().map(EtsyModel.Carrier::name).toList(), clock.instant());
            carriers.put(shop.externalShopId(), known);
        }
        String wanted = name.trim();
        return known.names().stream().filter(n -> n.equalsIgnoreCase(wanted)).findFirst();
    }

    private record Carriers(List<String> names, Instant readAt) {
    }
}
