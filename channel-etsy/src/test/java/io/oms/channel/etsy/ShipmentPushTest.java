package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import com.fasterxml.jackson.databind.JsonNode;
import io.oms.events.Channel;
import io.oms.events.OrderId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.Topics;
import io.oms.events.fulfilment.ShipmentCreated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ShipmentPushTest {

    @Test
    void shipmentsSetTheTrackingCodeOnceAndPartialOrSecondOnesAreRefusedWithAPushResult() {
        JsonPath sandboxShop = EtsySandbox.createShop("Ship" + UUID.randomUUID().toString().substring(0, 6), 5, 200);
        long etsyShopId = sandboxShop.getLong("shopId");
        List<Long> receipts = EtsySandbox.createReceipts(etsyShopId, 30); // the seeded generator makes many one-item receipts
        Shops.connect(sandboxShop);
        Events.consumersReady();
        Map<String, String> owner = EtsySandbox.ownerHeaders(sandboxShop);

        long whole = receipts.get(0);
        long unknownCarrier = receipts.get(1);
        long partial = receipts.stream().skip(2).filter(r -> items(owner, etsyShopId, r) >= 2).findFirst()
                .orElseThrow(() -> new AssertionError("no receipt with two items: " + receipts.stream().skip(2)
                        .map(r -> receipt(owner, etsyShopId, r).getList("transactions").toString()).toList()));
        String run = UUID.randomUUID().toString().substring(0, 8);
        // tracking codes with letters: the sandbox's form validation reads an all-digit code as an integer and answers 400

        Events.publish("/fulfilment-service",
                shipment("s1-" + run, "o1-" + run, etsyShopId, whole, "DHL", "JJD0099999012345678", lines(owner, etsyShopId, whole)),
                shipment("s2-" + run, "o2-" + run, etsyShopId, unknownCarrier, "Speedy Parcels", "SP123456789", lines(owner, etsyShopId, unknownCarrier)),
                shipment("s3-" + run, "o3-" + run, etsyShopId, partial, "UPS", "1Z999AA10123456784", partOf(lines(owner, etsyShopId, partial))));

        try (TopicReader results = new TopicReader(Topics.CHANNEL_PUSH_RESULT,
                r -> "TRACKING".equals(r.path("kind").asText()) && r.path("reference").asText().endsWith(run))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> results.poll().size() >= 3);
            assertThat(result(results, "o1-" + run).path("success").asBoolean()).isTrue();
            assertThat(result(results, "o2-" + run).path("success").asBoolean()).isTrue();
            JsonNode refused = result(results, "o3-" + run);
            assertThat(refused.path("success").asBoolean()).isFalse();
            assertThat(refused.path("error").asText()).contains("Etsy takes one tracking code per order").contains("leaves out");

            // a second shipment for a receipt that has its tracking code
            Events.publish("/fulfilment-service",
                    shipment("s4-" + run, "o4-" + run, etsyShopId, whole, "UPS", "1Z999AA10123456785", lines(owner, etsyShopId, whole)));
            await().atMost(Duration.ofSeconds(120)).until(() -> results.poll().size() >= 4);
            JsonNode second = result(results, "o4-" + run);
            assertThat(second.path("success").asBoolean()).isFalse();
            assertThat(second.path("error").asText()).contains("Etsy takes one tracking code per order").contains("JJD0099999012345678");
        }

        JsonPath shipped = receipt(owner, etsyShopId, whole);
        assertThat(shipped.getList("shipments")).hasSize(1);
        assertThat(shipped.getString("shipments[0].tracking_code")).isEqualTo("JJD0099999012345678");
        assertThat(shipped.getString("shipments[0].carrier_name")).isEqualTo("DHL");
        JsonPath other = receipt(owner, etsyShopId, unknownCarrier);
        assertThat(other.getString("shipments[0].carrier_name")).as("unknown carrier sent as Other").isEqualToIgnoringCase("other");
        assertThat(other.getString("shipments[0].tracking_code")).as("tracking code kept").isEqualTo("SP123456789");
        assertThat(receipt(owner, etsyShopId, partial).getList("shipments")).as("partial shipment not sent").isEmpty();
    }

    @Test
    void withThirtyPercentServerErrorsAShipmentStillLandsOnce() {
        JsonPath sandboxShop = EtsySandbox.createShop("ShipFlaky" + UUID.randomUUID().toString().substring(0, 6), 3, 200);
        long etsyShopId = sandboxShop.getLong("shopId");
        List<Long> receipts = EtsySandbox.createReceipts(etsyShopId, 3);
        Shops.connect(sandboxShop);
        Events.consumersReady();
        Map<String, String> owner = EtsySandbox.ownerHeaders(sandboxShop);
        List<ShipmentCreated.Line> lines = lines(owner, etsyShopId, receipts.get(0));
        String run = UUID.randomUUID().toString().substring(0, 8);

        EtsySandbox.faults(etsyShopId, Map.of("errorRate", 0.3, "errorStatus", 500));
        try (TopicReader results = new TopicReader(Topics.CHANNEL_PUSH_RESULT,
                r -> "TRACKING".equals(r.path("kind").asText()) && r.path("reference").asText().endsWith(run))) {
            Events.publish("/fulfilment-service", shipment("f1-" + run, "of1-" + run, etsyShopId, receipts.get(0), "usps", "9400TEST" + run, lines));
            await().atMost(Duration.ofSeconds(120)).until(() -> !results.poll().isEmpty());
            assertThat(results.poll()).singleElement().satisfies(r -> assertThat(r.path("success").asBoolean()).as(r.toString()).isTrue());
        } finally {
            EtsySandbox.faults(etsyShopId, Map.of());
        }
        JsonPath shipped = receipt(owner, etsyShopId, receipts.get(0));
        assertThat(shipped.getList("shipments")).hasSize(1);
        assertThat(shipped.getString("shipments[0].carrier_name")).as("spelled as Etsy does").isEqualTo("USPS");
        assertThat(shipped.getString("shipments[0].tracking_code")).isEqualTo("9400TEST" + run);
    }

    private static JsonNode result(TopicReader results, String orderId) {
        return results.poll().stream().filter(r -> r.path("reference").asText().equals(orderId)).findFirst().orElseThrow();
    }

    private static ShipmentCreated shipment(String shipmentId, String orderId, long shopId, long receiptId, String carrier, String tracking,
            List<ShipmentCreated.Line> lines) {
        return new ShipmentCreated(shipmentId, OrderId.of(orderId), Channel.ETSY, ShopId.of(String.valueOf(shopId)), String.valueOf(receiptId),
                carrier, tracking, "https://track.example/" + tracking, lines, Instant.now());
    }

    private static JsonPath receipt(Map<String, String> owner, long shopId, long receiptId) {
        return EtsySandbox.etsy(owner).get("/v3/application/shops/" + shopId + "/receipts/" + receiptId).then().statusCode(200).extract().jsonPath();
    }

    private static List<ShipmentCreated.Line> lines(Map<String, String> owner, long shopId, long receiptId) {
        List<Map<String, Object>> transactions = receipt(owner, shopId, receiptId).getList("transactions");
        List<ShipmentCreated.Line> lines = new ArrayList<>();
        for (Map<String, Object> t : transactions) {
            String sku = (String) t.get("sku");
            lines.add(new ShipmentCreated.Line(String.valueOf(t.get("transaction_id")), sku == null || sku.isBlank() ? null : Sku.of(sku),
                    ((Number) t.get("quantity")).intValue()));
        }
        return lines;
    }

    private static int items(Map<String, String> owner, long shopId, long receiptId) {
        return lines(owner, shopId, receiptId).stream().mapToInt(ShipmentCreated.Line::quantity).sum();
    }

    /** One item less than the whole receipt. */
    private static List<ShipmentCreated.Line> partOf(List<ShipmentCreated.Line> lines) {
        List<ShipmentCreated.Line> part = new ArrayList<>(lines.subList(0, lines.size() - 1));
        ShipmentCreated.Line last = lines.get(lines.size() - 1);
        if (last.quantity() > 1) {
            part.add(new ShipmentCreated.Line(last.externalLineId(), last.sku(), last.quantity() - 1));
        }
        return part;
    }
}
