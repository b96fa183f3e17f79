package io.oms.fulfilment;

import io.oms.events.Channel;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.ListingId;
import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;
import io.oms.events.order.OrderStatus;
import io.oms.events.order.OrderStatusChanged;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Test orders as order-service announces them, and the fulfilment orders this service makes of them. */
public final class Orders {

    private Orders() {
    }

    public static Builder anOrder() {
        return new Builder();
    }

    public static final class Builder {
        private final String id = "ord-" + UUID.randomUUID();
        private Channel channel = Channel.SHOPIFY;
        private String shopId = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        private String externalOrderId = "ext-" + UUID.randomUUID().toString().substring(0, 8);
        private int lines = 1;
        private String shippingMethod = "Standard";

        public Builder onEtsy() {
            channel = Channel.ETSY;
            return this;
        }

        public Builder onShopify() {
            channel = Channel.SHOPIFY;
            return this;
        }

        public Builder withShippingMethod(String method) {
            shippingMethod = method;
            return this;
        }

        public Builder withLines(int count) {
            lines = count;
            return this;
        }

        public String id() {
            return id;
        }

        public String externalOrderId() {
            return externalOrderId;
        }

        public String shopId() {
            return shopId;
        }

        public Channel channel() {
            return channel;
        }

        /** Line i (from 1): external id "{externalOrderId}-L{i}", SKU "SKU-{i}", quantity i. */
        public List<OrderStatusChanged.Line> lines() {
            List<OrderStatusChanged.Line> result = new ArrayList<>();
            for (int i = 1; i <= lines; i++) {
                result.add(new OrderStatusChanged.Line(id + "-" + i, externalOrderId + "-L" + i, Sku.of("SKU-" + i), i));
            }
            return result;
        }

        public OrderStatusChanged changed(OrderStatus from, OrderStatus to) {
            return new OrderStatusChanged(OrderId.of(id), channel, ShopId.of(shopId), externalOrderId, from, to, lines(),
                    Instant.now());
        }

        /** The marketplace's order as a connector publishes it: number "#1001-{id}", buyer in Berlin, 12.50 a unit. */
        public OrderImported imported() {
            OrderImported.Address address = new OrderImported.Address("Erika Mustermann", null, "Hauptstraße 5", null,
                    "Berlin", null, "10115", "DE", null);
            List<OrderImported.Line> importedLines = new ArrayList<>();
            for (int i = 1; i <= lines; i++) {
                importedLines.add(new OrderImported.Line(externalOrderId + "-L" + i, ListingId.of("listing-" + i), Sku.of("SKU-" + i),
                        "Mug number " + i, List.of(), i, new BigDecimal("12.50")));
            }
            BigDecimal subtotal = new BigDecimal("12.50").multiply(BigDecimal.valueOf(lines * (lines + 1) / 2));
            return new OrderImported(channel, ShopId.of(shopId), externalOrderId, orderNumber(), "paid", ChannelStatus.PAID,
                    new OrderImported.Buyer("Erika Mustermann", "erika@example.org", "buyer-1"), address, address,
                    importedLines, new OrderImported.Totals(subtotal, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, subtotal, "EUR"),
                    true, shippingMethod, Instant.now(), Instant.now(), 1);
        }

        public String orderNumber() {
            return "#1001-" + externalOrderId;
        }

        /** Sends the marketplace's order as a connector would, and waits until this service handled it. */
        public Builder isImported() {
            Kafka.awaitHandled(Kafka.send("/channel-" + channel + "/shops/" + shopId, imported()));
            return this;
        }

        /** Sends the change as order-service would, and waits until this service handled it. */
        public Builder moves(OrderStatus from, OrderStatus to) {
            Kafka.awaitHandled(Kafka.send("/order-service/orders/" + id, changed(from, to)));
            return this;
        }

        /** Sends READY_FOR_PICKING and waits for the fulfilment order; answers its id. */
        public String releasedForPicking() {
            moves(OrderStatus.NEW, OrderStatus.READY_FOR_PICKING);
            return awaitFulfilmentId();
        }

        public String awaitFulfilmentId() {
            await().atMost(Duration.ofSeconds(60)).until(() -> given().queryParam("orderId", id)
                    .get("/api/v1/fulfilments").then().extract().path("total").equals(1));
            return given().queryParam("orderId", id).get("/api/v1/fulfilments").then().extract().path("items[0].id");
        }
    }
}
