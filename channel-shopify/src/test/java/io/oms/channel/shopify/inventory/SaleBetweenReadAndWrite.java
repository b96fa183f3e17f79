package io.oms.channel.shopify.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.core.shop.ShopCredentials;
import io.oms.channel.shopify.client.ShopifyClient;
import io.oms.channel.shopify.client.ShopifyDocuments;
import io.oms.channel.shopify.client.ThrottleBudget;
import io.oms.channel.shopify.config.ShopifyConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real client, plus one test hook: for a shop armed with {@link #once}, the given action (a sale in the sandbox)
 * runs right after the connector read the shop's quantities and before it writes them, once.
 */
@Alternative
@Priority(1)
@Singleton
public class SaleBetweenReadAndWrite extends ShopifyClient {

    private static final Map<String, Runnable> ARMED = new ConcurrentHashMap<>();

    public SaleBetweenReadAndWrite(ShopifyConfig config, ShopCredentials credentials, ThrottleBudget budget, Clock clock,
            io.oms.channel.core.metrics.ChannelMetrics metrics) {
        super(config, credentials, budget, clock, metrics);
    }

    public static void once(String domain, Runnable sale) {
        ARMED.put(domain, sale);
    }

    @Override
    public JsonNode query(ShopAccess shop, ShopifyDocuments.Document document, Map<String, Object> variables) {
        JsonNode data = super.query(shop, document, variables);
        if (document.operation().startsWith("AvailableAt")) {
            Runnable sale = ARMED.remove(shop.externalShopId());
            if (sale != null) {
                sale.run();
            }
        }
        return data;
    }
}
