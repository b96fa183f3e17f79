package io.oms.events;

import static io.oms.events.Fixtures.CODEC;
import static io.oms.events.OrderImportedBuilder.anOrderImported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oms.events.inventory.PriceChanged;
import io.oms.events.order.OrderImported;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00.250Z"), ZoneOffset.UTC);

    // ---- writing

    @Test
    void encodeWritesTheCloudEventsBinaryModeHeaders() {
        CloudEvent<OrderImported> event = CloudEvent.of("/channel-etsy/shops/12345678", anOrderImported().build(), CLOCK);

        EncodedEvent encoded = CODEC.encode(event);

        assertThat(encoded.headers()).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", event.id().toString()),
                Map.entry("ce_source", "/channel-etsy/shops/12345678"),
                Map.entry("ce_type", "io.oms.order.imported.v1"),
                Map.entry("ce_time", "2026-03-01T10:00:00.250Z"),
                Map.entry("ce_subject", "etsy:12345678:3456789012"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void encodeLeavesOutTheSubjectHeaderWhenThereIsNoSubject() {
        CloudEvent<OrderImported> event = CloudEvent.of("/test", EventType.ORDER_IMPORTED, null, anOrderImported().build(), CLOCK);

        assertThat(CODEC.encode(event).headers()).doesNotContainKey("ce_subject");
    }

    @Test
    void moneyIsWrittenAsADecimalStringKeepingItsScale() throws Exception {
        OrderImported order = anOrderImported().withUnitPrice("12.50").build();

        JsonNode json = CODEC.mapper().readTree(CODEC.encode(CloudEvent.of("/test", order, CLOCK)).value());

        assertThat(json.at("/lines/0/unitPrice").isTextual()).isTrue();
        assertThat(json.at("/lines/0/unitPrice").asText()).isEqualTo("12.50");
        assertThat(json.at("/totals/total").asText()).isEqualTo("17.40");
    }

    @Test
    void largeAndTinyAmountsAreWrittenPlainNotInExponentNotation() throws Exception {
        PriceChanged price = new PriceChanged(Sku.of("SKU-1"), new BigDecimal("1E+3"), new BigDecimal("0.000001"), "EUR", 1);

        JsonNode json = CODEC.mapper().readTree(CODEC.encode(CloudEvent.of("/test", price, CLOCK)).value());

        assertThat(json.get("price").asText()).isEqualTo("1000");
        assertThat(json.get("sellingPrice").asText()).isEqualTo("0.000001");
    }

    @Test
    void moneyDecodesToTheSameBigDecimalIncludingScale() throws Exception {
        OrderImported order = anOrderImported().withUnitPrice("12.50").build();
        EncodedEvent encoded = CODEC.encode(CloudEvent.of("/test", order, CLOCK));

        OrderImported decoded = (OrderImported) CODEC.decode(encoded.headers(), encoded.value()).data();

        assertThat(decoded.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("12.50")); // equals: scale too
        assertThat(decoded).isEqualTo(order);
    }

    @Test
    void encodingAPayloadThatItsSchemaRefusesFailsInTheProducer() {
        OrderImported order = anOrderImported().withExternalOrderId("").build();

        assertThatThrownBy(() -> CODEC.encode(CloudEvent.of("/test", order, CLOCK)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.externalOrderId");
    }

    // ---- reading: what an outside producer may send

    @Test
    void decodeReadsKafkaRecordHeaders() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        Fixtures.headersFor(EventType.PRICE_CHANGED).forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));

        CloudEvent<?> event = CODEC.decode(headers, Fixtures.example(EventType.PRICE_CHANGED));

        assertThat(event.data()).isEqualTo(new PriceChanged(Sku.of("MUG-BLUE-350"), new BigDecimal("14.90"),
                new BigDecimal("12.50"), "EUR", 7));
    }

    @Test
    void timesWithAnOffsetAreAcceptedAndReadAsTheSameInstant() throws Exception {
        Map<String, String> headers = Fixtures.headersFor(EventType.ORDER_IMPORTED);
        headers.put("ce_time", "2026-03-01T11:15:02+02:00");
        byte[] value = edit(EventType.ORDER_IMPORTED, order -> order.put("createdAt", "2026-03-01T10:12:44.5+01:00"));

        CloudEvent<?> event = CODEC.decode(headers, value);

        assertThat(event.time()).isEqualTo(Instant.parse("2026-03-01T09:15:02Z"));
        assertThat(((OrderImported) event.data()).createdAt()).isEqualTo(Instant.parse("2026-03-01T09:12:44.5Z"));
    }

    @Test
    void anUnknownOptionalFieldFromANewerMinorVersionIsIgnored() throws Exception {
        byte[] value = edit(EventType.ORDER_IMPORTED, order -> {
            order.put("giftMessage", "Happy birthday");
            ((ObjectNode) order.at("/lines/0")).put("personalisation", "Erika");
        });

        CloudEvent<?> event = CODEC.decode(Fixtures.headersFor(EventType.ORDER_IMPORTED), value);

        assertThat(((OrderImported) event.data()).externalOrderId()).isEqualTo("3456789012");
    }

    @Test
    void nullableFieldsMayBeLeftOut() throws Exception {
        byte[] value = edit(EventType.PRICE_CHANGED, price -> price.remove("sellingPrice"));

        PriceChanged price = (PriceChanged) CODEC.decode(Fixtures.headersFor(EventType.PRICE_CHANGED), value).data();

        assertThat(price.sellingPrice()).isNull();
        assertThat(price.marketplacePrice()).isEqualTo(new BigDecimal("14.90"));
    }

    @Test
    void contentTypeWithACharsetIsAccepted() throws Exception {
        Map<String, String> headers = Fixtures.headersFor(EventType.STOCK_CHANGED);
        headers.put("content-type", "application/json; charset=utf-8");

        assertThat(CODEC.decode(headers, Fixtures.example(EventType.STOCK_CHANGED)).type()).isEqualTo(EventType.STOCK_CHANGED);
    }

    // ---- reading: what is refused, and the reason names the problem

    @Test
    void orderMissingExternalOrderIdIsRejectedNamingTheField() {
        byte[] value = edit(EventType.ORDER_IMPORTED, order -> order.remove("externalOrderId"));

        assertRejected(EventType.ORDER_IMPORTED, value, "required property 'externalOrderId' not found");
    }

    @Test
    void lineQuantityAsAStringIsRejectedNamingThePathAndTheTypes() {
        byte[] value = edit(EventType.ORDER_IMPORTED, order -> ((ObjectNode) order.at("/lines/0")).put("quantity", "2"));

        InvalidEventException e = rejected(EventType.ORDER_IMPORTED, value);

        assertThat(e.reason()).contains("$.lines[0].quantity").contains("string").contains("integer");
    }

    @Test
    void negativeLineQuantityIsRejected() {
        byte[] value = edit(EventType.ORDER_IMPORTED, order -> ((ObjectNode) order.at("/lines/0")).put("quantity", -1));

        assertRejected(EventType.ORDER_IMPORTED, value, "$.lines[0].quantity");
    }

    @Test
    void moneyAsAJsonNumberIsRejected() {
        byte[] value = edit(EventType.PRICE_CHANGED, price -> price.put("price", 14.9));

        InvalidEventException e = rejected(EventType.PRICE_CHANGED, value);

        assertThat(e.reason()).contains("$.price").contains("number").contains("string");
    }

    @Test
    void moneyWithACommaIsRejected() {
        byte[] value = edit(EventType.PRICE_CHANGED, price -> price.put("price", "14,90"));

        assertRejected(EventType.PRICE_CHANGED, value, "$.price");
    }

    @Test
    void lowerCaseCurrencyIsRejected() {
        byte[] value = edit(EventType.ORDER_IMPORTED, order -> ((ObjectNode) order.get("totals")).put("currency", "eur"));

        assertRejected(EventType.ORDER_IMPORTED, value, "$.totals.currency");
    }

    @Test
    void aTimeThatIsNoRfc3339DateTimeIsRejected() {
        byte[] value = edit(EventType.SHIPMENT_CREATED, shipment -> shipment.put("shippedAt", "02.03.2026 14:30"));

        assertRejected(EventType.SHIPMENT_CREATED, value, "$.shippedAt");
    }

    @Test
    void anUnknownOmsStatusIsRejected() {
        byte[] value = edit(EventType.ORDER_STATUS_CHANGED, change -> change.put("newStatus", "SHIPPED"));

        assertRejected(EventType.ORDER_STATUS_CHANGED, value, "$.newStatus");
    }

    @Test
    void unknownCeTypeIsRejectedNamingTheType() {
        Map<String, String> headers = Fixtures.headersFor(EventType.ORDER_IMPORTED);
        headers.put("ce_type", "io.oms.order.exploded.v1");

        assertThatThrownBy(() -> CODEC.decode(headers, Fixtures.example(EventType.ORDER_IMPORTED)))
                .isInstanceOfSatisfying(InvalidEventException.class, e ->
                        assertThat(e.reason()).isEqualTo("unknown ce_type 'io.oms.order.exploded.v1'"));
    }

    @Test
    void aValueThatIsNotJsonIsRejected() {
        byte[] value = "<order id=\"1\"/>".getBytes(StandardCharsets.UTF_8);

        assertRejected(EventType.ORDER_IMPORTED, value, "value is not JSON");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIsRejected() {
        assertRejected(EventType.ORDER_IMPORTED, "[1,2]".getBytes(StandardCharsets.UTF_8), "not a JSON object");
    }

    @Test
    void anEmptyValueIsRejected() {
        assertRejected(EventType.STOCK_CHANGED, new byte[0], "value is empty");
        assertRejected(EventType.STOCK_CHANGED, null, "value is empty");
    }

    @Test
    void eachMissingRequiredHeaderIsRejectedByName() {
        for (String name : new String[] {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"}) {
            Map<String, String> headers = Fixtures.headersFor(EventType.STOCK_CHANGED);
            headers.remove(name);

            assertThatThrownBy(() -> CODEC.decode(headers, Fixtures.example(EventType.STOCK_CHANGED)))
                    .isInstanceOfSatisfying(InvalidEventException.class, e ->
                            assertThat(e.reason()).isEqualTo("missing header " + name));
        }
    }

    @Test
    void anotherSpecVersionIsRejected() {
        assertHeaderRejected("ce_specversion", "0.3", "unsupported ce_specversion '0.3'");
    }

    @Test
    void anIdThatIsNoUuidIsRejected() {
        assertHeaderRejected("ce_id", "order-1", "ce_id is not a UUID: 'order-1'");
    }

    @Test
    void aHeaderTimeThatIsNoRfc3339DateTimeIsRejected() {
        assertHeaderRejected("ce_time", "yesterday", "ce_time is not an RFC 3339 date-time: 'yesterday'");
    }

    @Test
    void aContentTypeOtherThanJsonIsRejected() {
        assertHeaderRejected("content-type", "application/avro", "unsupported content-type 'application/avro'");
    }

    @Test
    void validateChecksTheSchemaWithoutHeaders() {
        byte[] value = edit(EventType.STOCK_CHANGED, stock -> stock.remove("version"));

        assertThatThrownBy(() -> CODEC.validate(EventType.STOCK_CHANGED, value))
                .isInstanceOfSatisfying(InvalidEventException.class, e ->
                        assertThat(e.reason()).contains("required property 'version' not found"));
    }

    @Test
    void aBadlyBrokenDocumentGivesAShortReason() {
        byte[] value = "{\"lines\": [1, 2, 3, 4, 5, 6, 7, 8]}".getBytes(StandardCharsets.UTF_8);

        InvalidEventException e = rejected(EventType.ORDER_IMPORTED, value);

        assertThat(e.reason()).contains("more").hasSizeLessThan(1000);
    }

    @Test
    void theMapperHandedOutCannotChangeTheCodec() throws Exception {
        CloudEventCodec codec = new CloudEventCodec();
        codec.mapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        byte[] value = edit(EventType.STOCK_CHANGED, stock -> stock.put("futureField", 1));

        assertThat(codec.decode(Fixtures.headersFor(EventType.STOCK_CHANGED), value).type()).isEqualTo(EventType.STOCK_CHANGED);
    }

    @Test
    void theCodecIsSafeToShareBetweenThreads() throws Exception {
        byte[] value = Fixtures.example(EventType.ORDER_IMPORTED);
        Map<String, String> headers = Fixtures.headersFor(EventType.ORDER_IMPORTED);
        OrderImported expected = (OrderImported) CODEC.decode(headers, value).data();

        var results = java.util.stream.IntStream.range(0, 200).parallel().mapToObj(i -> {
            try {
                return CODEC.decode(headers, value).data();
            } catch (InvalidEventException e) {
                return e;
            }
        }).toList();

        assertThat(results).allMatch(expected::equals);
    }

    // ---- helpers

    private static byte[] edit(EventType type, Consumer<ObjectNode> change) {
        try {
            ObjectNode document = (ObjectNode) CODEC.mapper().readTree(Fixtures.example(type));
            change.accept(document);
            return CODEC.mapper().writeValueAsBytes(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InvalidEventException rejected(EventType type, byte[] value) {
        try {
            CODEC.decode(Fixtures.headersFor(type), value);
        } catch (InvalidEventException e) {
            return e;
        }
        throw new AssertionError("accepted: " + (value == null ? null : new String(value, StandardCharsets.UTF_8)));
    }

    private static void assertRejected(EventType type, byte[] value, String reasonPart) {
        assertThat(rejected(type, value).reason()).contains(reasonPart);
    }

    private static void assertHeaderRejected(String header, String value, String reason) {
        Map<String, String> headers = Fixtures.headersFor(EventType.STOCK_CHANGED);
        headers.put(header, value);

        assertThatThrownBy(() -> CODEC.decode(headers, Fixtures.example(EventType.STOCK_CHANGED)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.reason()).startsWith(reason));
    }

}
