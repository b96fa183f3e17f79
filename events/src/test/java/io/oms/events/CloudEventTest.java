package io.oms.events;

import static io.oms.events.OrderImportedBuilder.anOrderImported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.events.inventory.StockChanged;
import io.oms.events.order.OrderImported;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void ofTakesTheTimeFromTheClockAndAFreshIdEachTime() {
        OrderImported order = anOrderImported().build();

        CloudEvent<OrderImported> first = CloudEvent.of("/test", EventType.ORDER_IMPORTED, "s", order, CLOCK);
        CloudEvent<OrderImported> second = CloudEvent.of("/test", EventType.ORDER_IMPORTED, "s", order, CLOCK);

        assertThat(first.time()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void ofWithoutATypeInfersItFromThePayloadAndUsesTheKeyAsSubject() {
        StockChanged stock = new StockChanged(Sku.of("MUG-1"), List.of(new StockChanged.WarehouseStock("MAIN", 3)), 3, 9);

        CloudEvent<StockChanged> event = CloudEvent.of("/inventory-service", stock, CLOCK);

        assertThat(event.type()).isEqualTo(EventType.STOCK_CHANGED);
        assertThat(event.subject()).isEqualTo("MUG-1");
        assertThat(event.key()).isEqualTo("MUG-1");
    }

    @Test
    void aPayloadOfAnotherEventTypeIsRefused() {
        OrderImported order = anOrderImported().build();

        assertThatThrownBy(() -> CloudEvent.of("/test", EventType.STOCK_CHANGED, null, order, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StockChanged");
    }

    @Test
    void aBlankSourceIsRefused() {
        assertThatThrownBy(() -> CloudEvent.of(" ", anOrderImported().build(), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodedEventsWithEqualBytesAreEqual() {
        EncodedEvent a = new EncodedEvent(java.util.Map.of("ce_id", "1"), new byte[] {1, 2});
        EncodedEvent b = new EncodedEvent(java.util.Map.of("ce_id", "1"), new byte[] {1, 2});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void aChannelIsALowerCaseName() {
        assertThat(Channel.of("etsy")).isEqualTo(Channel.ETSY);
        assertThatThrownBy(() -> Channel.of("Etsy")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channel.of("etsy:1")).isInstanceOf(IllegalArgumentException.class);
    }
}
