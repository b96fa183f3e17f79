package io.oms.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.events.order.OrderImported;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @Test
    void topicsAndCeTypesAreTheOnesDesignSectionFourPublishes() {
        assertThat(Arrays.stream(EventType.values()).map(t -> t.topic() + " " + t.ceType())).containsExactly(
                "oms.order-imported.v1 io.oms.order.imported.v1",
                "oms.stock-changed.v1 io.oms.stock.changed.v1",
                "oms.price-changed.v1 io.oms.price.changed.v1",
                "oms.shipment-created.v1 io.oms.shipment.created.v1",
                "oms.order-status-changed.v1 io.oms.order.status-changed.v1",
                "oms.reservation-result.v1 io.oms.reservation.result.v1",
                "oms.listing-discovered.v1 io.oms.listing.discovered.v1",
                "oms.channel-push-result.v1 io.oms.channel.push-result.v1",
                // beyond DESIGN section 4: Shopify's mandatory customers/redact, told to downstream services (issue 5)
                "oms.customer-redaction-requested.v1 io.oms.customer.redaction-requested.v1");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTypeIsFoundByItsCeTypeTopicAndPayloadClass(EventType type) {
        assertThat(EventType.byCeType(type.ceType())).contains(type);
        assertThat(EventType.byTopic(type.topic())).contains(type);
        assertThat(EventType.byPayloadType(type.payloadType())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theDeadLetterTopicIsTheTopicWithDlqAppended(EventType type) {
        assertThat(type.dlqTopic()).isEqualTo(type.topic() + ".dlq");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAndExampleResourcesAreNamedAfterTheTopic(EventType type) {
        String name = type.topic().substring("oms.".length());

        assertThat(type.schemaResource()).isEqualTo("schemas/" + name + ".schema.json");
        assertThat(type.exampleResource()).isEqualTo("examples/" + name + ".example.json");
    }

    @Test
    void unknownNamesAreFoundNowhere() {
        assertThat(EventType.byCeType("io.oms.order.imported.v2")).isEmpty();
        assertThat(EventType.byCeType(null)).isEmpty();
        assertThat(EventType.byTopic("oms.order-imported.v1.dlq")).isEmpty();
        assertThat(EventType.byPayloadType(String.class)).isEmpty();
    }

    @Test
    void everyTopicConstantBelongsToOneEventTypeAndEveryEventTypeHasOne() throws Exception {
        List<String> constants = Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getName().equals("DLQ_SUFFIX"))
                .map(EventTypeTest::value)
                .toList();

        assertThat(constants).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::topic).toList());
        assertThat(Topics.ORDER_IMPORTED).isEqualTo(EventType.ORDER_IMPORTED.topic());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPayloadNamesItsKafkaKey(EventType type) {
        assertThat(EventPayload.class).isAssignableFrom(type.payloadType());
    }

    @Test
    void orderImportedIsKeyedByChannelShopAndExternalOrderId() {
        OrderImported order = OrderImportedBuilder.anOrderImported().withExternalOrderId("3456789012").build();

        assertThat(order.kafkaKey()).isEqualTo("etsy:12345678:3456789012");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
