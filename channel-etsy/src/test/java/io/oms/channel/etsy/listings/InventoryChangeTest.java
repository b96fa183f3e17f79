package io.oms.channel.etsy.listings;

import io.oms.channel.core.push.WantedOffering;
import io.oms.channel.etsy.client.EtsyModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryChangeTest {

    private static EtsyModel.Product product(long id, String sku, long valueId, String value, long cents, int quantity) {
        return new EtsyModel.Product(id, sku, false, List.of(new EtsyModel.Offering(id * 10, quantity, true, false,
                new EtsyModel.Money(cents, 100, "EUR"), null)),
                List.of(new EtsyModel.PropertyValue(200L, "Primary color", null, List.of(valueId), List.of(value))));
    }

    private final EtsyModel.Inventory inventory = new EtsyModel.Inventory(List.of(
            product(1, "MUG-BLACK", 1, "Black", 1250, 10),
            product(2, "MUG-WHITE", 2, "White", 1250, 10),
            product(3, "MUG-SAGE", 3, "Sage", 1250, 10)), List.of(), List.of(200L), List.of(200L));

    @Test
    void onlyTheWantedOfferingsChangeAndEveryProductIsSentBack() {
        var change = EtsyListings.InventoryChange.of(inventory, List.of(WantedOffering.stock("MUG-WHITE", 4)));

        List<Map<String, Object>> products = (List<Map<String, Object>>) change.body().get("products");
        assertThat(products).extracting(p -> p.get("sku")).containsExactly("MUG-BLACK", "MUG-WHITE", "MUG-SAGE");
        assertThat(products).extracting(p -> ((List<Map<String, Object>>) p.get("offerings")).get(0).get("quantity")).containsExactly(10, 4, 10);
        assertThat(products).allSatisfy(p -> assertThat(((List<Map<String, Object>>) p.get("offerings")).get(0))
                .containsEntry("price", 12.5).containsEntry("is_enabled", true).containsKey("readiness_state_id"));
        assertThat(change.changed()).isTrue();
        assertThat(change.body().get("quantity_on_property")).isEqualTo(List.of(200L));
    }

    @Test
    void quantitiesAreCappedAtEtsysMaximumAndAPriceThatMakesProductsDifferDeclaresTheProperty() {
        var change = EtsyListings.InventoryChange.of(inventory, List.of(
                new WantedOffering("MUG-BLACK", 5000, new BigDecimal("14.90"), "EUR")));

        Map<String, Object> black = ((List<Map<String, Object>>) change.body().get("products")).get(0);
        assertThat(((List<Map<String, Object>>) black.get("offerings")).get(0)).containsEntry("quantity", 999).containsEntry("price", 14.9);
        assertThat(change.body().get("price_on_property")).isEqualTo(List.of(200L));
    }

    @Test
    void anUnchangedValueWritesNothingAndUnknownSkusOrOtherCurrenciesAreReported() {
        var change = EtsyListings.InventoryChange.of(inventory, List.of(WantedOffering.stock("MUG-SAGE", 10),
                WantedOffering.stock("MUG-GONE", 1), WantedOffering.price("MUG-BLACK", new BigDecimal("9.99"), "USD")));

        assertThat(change.changed()).isFalse();
        assertThat(change.notApplied()).containsOnlyKeys("MUG-GONE", "MUG-BLACK");
        assertThat(change.notApplied().get("MUG-BLACK")).contains("USD").contains("EUR");
    }
}
