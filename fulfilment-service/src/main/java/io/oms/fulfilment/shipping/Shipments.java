package io.oms.fulfilment.shipping;

import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.fulfilment.ShipmentCreated;
import io.oms.fulfilment.Outcome;
import io.oms.fulfilment.Refusal;
import io.oms.fulfilment.config.FulfilmentConfig;
import io.oms.fulfilment.documents.NumberRanges;
import io.oms.fulfilment.picking.FulfilmentOrders;
import io.oms.fulfilment.store.Carrier;
import io.oms.fulfilment.store.ChannelShipmentRule;
import io.oms.fulfilment.store.FulfilmentLine;
import io.oms.fulfilment.store.FulfilmentOrder;
import io.oms.fulfilment.store.FulfilmentState;
import io.oms.fulfilment.store.Invoice;
import io.oms.fulfilment.store.ShippingMethodMapping;
import io.oms.fulfilment.orderdata.OrderDetails;
import io.oms.events.order.OrderImported;
import io.oms.fulfilment.store.Shipment;
import io.oms.fulfilment.store.ShipmentLine;
import io.oms.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Shipments: checks the carrier and the channel's rules, records the parcel with its delivery-note
 * number, and publishes ShipmentCreated in the same transaction.
 */
@ApplicationScoped
public class Shipments {

    private final FulfilmentOrders orders;
    private final Carriers carriers;
    private final NumberRanges numbers;
    private final Outbox outbox;
    private final Clock clock;
    private final FulfilmentConfig config;
    private final OrderDetails details;

    public Shipments(FulfilmentOrders orders, Carriers carriers, NumberRanges numbers, Outbox outbox, Clock clock,
            FulfilmentConfig config, OrderDetails details) {
        this.details = details;
        this.orders = orders;
        this.carriers = carriers;
        this.numbers = numbers;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public Outcome<Shipment> ship(String orderId, ShipOrder command) {
        Optional<FulfilmentOrder> found = orders.lockedByOrderId(orderId);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("order " + orderId + " has not been released for fulfilment", "orderId"));
        }
        FulfilmentOrder order = found.get();
        if (order.state == FulfilmentState.CANCELLED) {
            return Outcome.refused(Refusal.conflict("order " + orderId + " was cancelled before packing; it cannot ship"));
        }
        boolean carrierGiven = command.carrier() != null && !command.carrier().isBlank();
        Optional<Carrier> carrier = carrierGiven ? carriers.find(command.carrier()) : carrierOfShippingMethod(order);
        if (carrier.isEmpty() && !carrierGiven) {
            return Outcome.refused(Refusal.unprocessable("no carrier given, and the order's shipping method ("
                    + details.of(order).map(o -> "'" + o.shippingMethod() + "'").orElse("unknown: the marketplace order has not arrived")
                    + ") maps to none; name the carrier or map the method with PUT /api/v1/shipping-methods/"
                    + order.channel + "/{method}", "carrier"));
        }
        if (carrier.isEmpty()) {
            return Outcome.refused(Refusal.unprocessable("unknown carrier '" + command.carrier() + "'; known carriers: "
                    + carriers.all().stream().map(c -> c.code).collect(Collectors.joining(", ")), "carrier"));
        }
        List<Shipment> earlier = Shipment.list("fulfilment", order);
        Optional<ChannelShipmentRule> rule = ChannelShipmentRule.findByIdOptional(order.channel);
        if (rule.isPresent() && rule.get().maxShipmentsPerOrder != null && earlier.size() >= rule.get().maxShipmentsPerOrder) {
            return Outcome.refused(Refusal.unprocessable(rule.get().reason + "; order " + orderId + " already has "
                    + earlier.stream().map(s -> s.deliveryNoteNumber + " (" + s.trackingNumber + ")").collect(Collectors.joining(", ")),
                    "orderId"));
        }
        if (order.fullyShipped()) {
            return Outcome.refused(Refusal.conflict("every line of order " + orderId + " has shipped already"));
        }
        Outcome<Map<FulfilmentLine, Integer>> picked = pickLines(order, command.lines());
        if (picked instanceof Outcome.Refused<Map<FulfilmentLine, Integer>> refused) {
            return Outcome.refused(refused.refusal());
        }
        Map<FulfilmentLine, Integer> quantities = ((Outcome.Done<Map<FulfilmentLine, Integer>>) picked).value();
        if (rule.isPresent() && rule.get().wholeOrderOnly && !coversWholeOrder(order, quantities)) {
            return Outcome.refused(Refusal.unprocessable(rule.get().reason + "; this shipment holds "
                    + quantities.values().stream().mapToInt(Integer::intValue).sum() + " of "
                    + order.lines.stream().mapToInt(l -> l.quantity).sum() + " units in " + quantities.size() + " of "
                    + order.lines.size() + " lines", "lines"));
        }
        return Outcome.done(record(order, carrier.get(), command, quantities));
    }

    /** The carrier the order's marketplace shipping method maps to, when the order's snapshot and a mapping exist. */
    private Optional<Carrier> carrierOfShippingMethod(FulfilmentOrder order) {
        return shippingMethodMapping(order).flatMap(mapping -> carriers.find(mapping.carrierCode));
    }

    private Optional<ShippingMethodMapping> shippingMethodMapping(FulfilmentOrder order) {
        return details.of(order).map(OrderImported::shippingMethod)
                .flatMap(method -> ShippingMethodMapping.<ShippingMethodMapping>findByIdOptional(
                        new ShippingMethodMapping.Key(order.channel, method)));
    }

    private Outcome<Map<FulfilmentLine, Integer>> pickLines(FulfilmentOrder order, List<ShipOrder.Line> wanted) {
        Map<FulfilmentLine, Integer> quantities = new LinkedHashMap<>();
        if (wanted == null || wanted.isEmpty()) {
            order.lines.stream().filter(line -> line.remaining() > 0).forEach(line -> quantities.put(line, line.remaining()));
            return Outcome.done(quantities);
        }
        for (int i = 0; i < wanted.size(); i++) {
            ShipOrder.Line request = wanted.get(i);
            String field = "lines[" + i + "]";
            Optional<FulfilmentLine> line = order.lines.stream().filter(candidate -> matches(candidate, request)).findFirst();
            if (line.isEmpty()) {
                return Outcome.refused(Refusal.unprocessable("order " + order.orderId + " has no line " + describe(request), field));
            }
            if (quantities.containsKey(line.get())) {
                return Outcome.refused(Refusal.unprocessable("line " + describe(request) + " is named twice", field));
            }
            int remaining = line.get().remaining();
            int quantity = request.quantity() == null ? remaining : request.quantity();
            if (remaining == 0) {
                return Outcome.refused(Refusal.unprocessable("line " + describe(request) + " has shipped already", field));
            }
            if (quantity > remaining) {
                return Outcome.refused(Refusal.unprocessable("line " + describe(request) + " has " + remaining
                        + " left to ship, not " + quantity, field + ".quantity"));
            }
            quantities.put(line.get(), quantity);
        }
        return Outcome.done(quantities);
    }

    private static boolean matches(FulfilmentLine line, ShipOrder.Line request) {
        if (request.lineId() != null) {
            return request.lineId().equals(line.lineId);
        }
        if (request.externalLineId() != null) {
            return request.externalLineId().equals(line.externalLineId);
        }
        return request.sku() != null && request.sku().equals(line.sku);
    }

    private static String describe(ShipOrder.Line request) {
        return Objects.requireNonNullElse(request.lineId(), Objects.requireNonNullElse(request.externalLineId(),
                Objects.requireNonNullElse(request.sku(), "(unnamed)")));
    }

    private static boolean coversWholeOrder(FulfilmentOrder order, Map<FulfilmentLine, Integer> quantities) {
        return order.lines.stream().allMatch(line -> quantities.getOrDefault(line, 0) == line.quantity);
    }

    private Shipment record(FulfilmentOrder order, Carrier carrier, ShipOrder command, Map<FulfilmentLine, Integer> quantities) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.fulfilment = order;
        shipment.orderId = order.orderId;
        shipment.carrierCode = carrier.code;
        shipment.service = shippingMethodMapping(order).filter(mapping -> mapping.carrierCode.equals(carrier.code))
                .map(mapping -> mapping.service).orElse(null);
        shipment.trackingNumber = command.trackingNumber().trim();
        shipment.trackingUrl = command.trackingUrl() != null && !command.trackingUrl().isBlank()
                ? command.trackingUrl() : carriers.trackingUrl(carrier, shipment.trackingNumber);
        shipment.shippedAt = clock.instant();
        shipment.deliveryNoteNumber = numbers.take(NumberRanges.DELIVERY_NOTE, order.channel, order.shopId);
        quantities.forEach((line, quantity) -> {
            ShipmentLine shipped = new ShipmentLine();
            shipped.id = UUID.randomUUID();
            shipped.shipment = shipment;
            shipped.fulfilmentLine = line;
            shipped.externalLineId = line.externalLineId;
            shipped.sku = line.sku;
            shipped.quantity = quantity;
            shipment.lines.add(shipped);
            line.shippedQuantity += quantity;
        });
        shipment.persist();
        order.state = order.fullyShipped() ? FulfilmentState.SHIPPED : FulfilmentState.PARTIALLY_SHIPPED;
        order.updatedAt = shipment.shippedAt;
        if (Invoice.findById(order.orderId) == null) {
            Invoice invoice = new Invoice();
            invoice.orderId = order.orderId;
            invoice.invoiceNumber = numbers.take(NumberRanges.INVOICE, order.channel, order.shopId);
            invoice.issuedAt = shipment.shippedAt;
            invoice.persist();
        }
        outbox.add(CloudEvent.of(config.eventSource() + "/orders/" + order.orderId, shipmentCreated(order, shipment), clock));
        Log.infof("order %s shipped %s with %s %s (%d lines)", order.orderId, shipment.deliveryNoteNumber, carrier.code,
                shipment.trackingNumber, shipment.lines.size());
        return shipment;
    }

    private static ShipmentCreated shipmentCreated(FulfilmentOrder order, Shipment shipment) {
        List<ShipmentCreated.Line> lines = new ArrayList<>();
        for (ShipmentLine line : shipment.lines) {
            lines.add(new ShipmentCreated.Line(line.externalLineId, line.sku == null ? null : Sku.of(line.sku), line.quantity));
        }
        return new ShipmentCreated(shipment.id.toString(), OrderId.of(order.orderId), Channel.of(order.channel),
                ShopId.of(order.shopId), order.externalOrderId, shipment.carrierCode, shipment.trackingNumber,
                shipment.trackingUrl, lines, shipment.shippedAt);
    }
}
