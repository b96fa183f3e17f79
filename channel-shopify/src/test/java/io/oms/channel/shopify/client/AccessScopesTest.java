package io.oms.channel.shopify.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccessScopesTest {

    @Test
    void namesEveryNeededScopeThatWasNotGranted() {
        assertThat(AccessScopes.missing(List.of("read_orders", "read_products"),
                List.of("read_orders", "read_products", "write_inventory", "write_fulfillments", "read_locations")))
                .containsExactly("write_inventory", "write_fulfillments", "read_locations");
    }

    @Test
    void aWriteScopeCoversItsReadScope() {
        assertThat(AccessScopes.missing(List.of("write_orders", "write_inventory"), List.of("read_orders", "read_inventory", "write_inventory")))
                .isEmpty();
    }
}
