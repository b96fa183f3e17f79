package io.oms.sandbox.shopify;

import io.oms.sandbox.control.CallLog;
import io.oms.sandbox.faults.Faults;
import io.oms.sandbox.shopify.inventory.Catalog;
import io.oms.sandbox.shopify.orders.ShopifyOrder;
import io.oms.sandbox.shopify.throttle.LeakyBucket;
import io.oms.sandbox.shopify.webhooks.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** One sandbox Shopify store with its app credentials, catalog, orders, webhooks and settings. */
public final class ShopifyShop {

    public final String domain;
    public final String name;
    public final String currency;
    public final String accessToken;
    public final String clientId;
    /** The app's client secret; Shopify signs webhooks with it. */
    public final String clientSecret;
    public final Instant createdAt;
    public final Catalog catalog;
    public final ConcurrentNavigableMap<Long, ShopifyOrder> orders = new ConcurrentSkipListMap<>();
    public final List<WebhookSubscription> webhooks = new CopyOnWriteArrayList<>();
    /** Client-credentials tokens and when they expire. */
    public final Map<String, Instant> grantedTokens = new ConcurrentHashMap<>();
    public final CallLog calls = new CallLog();
    public final LeakyBucket bucket;
    public volatile Faults faults = Faults.NONE;

    public ShopifyShop(String domain, String name, String currency, String accessToken, String clientId,
                       String clientSecret, Instant createdAt, Catalog catalog, LeakyBucket bucket) {
        this.domain = domain;
        this.name = name;
        this.currency = currency;
        this.accessToken = accessToken;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.createdAt = createdAt;
        this.catalog = catalog;
        this.bucket = bucket;
    }
}
