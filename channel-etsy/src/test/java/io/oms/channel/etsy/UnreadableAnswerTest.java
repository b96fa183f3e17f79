package io.oms.channel.etsy;

import io.oms.channel.core.marketplace.MarketplaceUnavailable;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.etsy.client.EtsyApi;
import io.oms.channel.etsy.client.EtsyClient;
import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class UnreadableAnswerTest {

    @Inject
    EtsyClient client;

    @Inject
    @RestClient
    EtsyApi api;

    /**
     * Etsy did the call but half its body came: a write may have been applied, so this is an outage the caller tries
     * again after reading the state (a shipment finds its tracking code on the receipt), not a refusal that ends the push.
     */
    @Test
    void aSuccessWhoseBodyCannotBeReadIsAnOutageNotARefusal() {
        JsonPath sandboxShop = EtsySandbox.createShop("Garbled" + UUID.randomUUID().toString().substring(0, 6));
        long etsyShopId = sandboxShop.getLong("shopId");
        long receiptId = EtsySandbox.createReceipts(etsyShopId, 1).get(0);
        ShopAccess access = new ShopAccess(UUID.fromString(Shops.connect(sandboxShop)), String.valueOf(etsyShopId));
        assertThat(client.call(access, (key, bearer) -> api.getShopReceipt(key, bearer, etsyShopId, receiptId)).receipt_id()).isEqualTo(receiptId);

        EtsySandbox.faults(etsyShopId, Map.of("malformedBodies", true));
        try {
            assertThatThrownBy(() -> client.call(access, (key, bearer) -> api.getShopReceipt(key, bearer, etsyShopId, receiptId)))
                    .isInstanceOf(MarketplaceUnavailable.class); // the cut may fall in the headers' or the body's reading
        } finally {
            EtsySandbox.faults(etsyShopId, Map.of());
        }
        assertThat(client.call(access, (key, bearer) -> api.getShopReceipt(key, bearer, etsyShopId, receiptId)).receipt_id()).isEqualTo(receiptId);
    }
}
