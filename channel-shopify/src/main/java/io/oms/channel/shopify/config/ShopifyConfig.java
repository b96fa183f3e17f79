package io.oms.channel.shopify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where Shopify is and how the connector talks to it. */
@ConfigMapping(prefix = "shopify")
public interface ShopifyConfig {

    /**
     * Base address of the Admin API (SHOPIFY_API_BASE_URL). Empty: {@code https://{shop domain}}, as Shopify serves
     * it. Set (a proxy, the sandbox): every shop is called there and named by the X-Shopify-Shop-Domain header.
     */
    Optional<String> apiBaseUrl();

    /** The Admin API version every call is pinned to (SHOPIFY_API_VERSION); the connector's documents are checked against it. */
    @WithDefault("2025-01")
    String apiVersion();

    /** Access scopes the connector needs; test-connection names the ones a shop did not grant. */
    @WithDefault("read_orders,read_products,read_inventory,write_inventory,read_fulfillments,write_fulfillments,read_locations")
    List<String> requiredScopes();

    /** How long a call may take to connect. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long a call may wait for Shopify's answer. */
    @WithDefault("30s")
    Duration readTimeout();

    /** A client-credentials token this close to its expiry is renewed before the call rather than after a 401. */
    @WithDefault("5m")
    Duration refreshAhead();

    /** Retries of a call that got a 5xx, a Throttled answer or no answer, before the caller fails. */
    @WithDefault("6")
    int retries();

    /** First backoff between retries of a 5xx or no answer (doubles each time, plus up to half as jitter). */
    @WithDefault("250ms")
    Duration backoff();

    Orders orders();

    Webhooks webhooks();

    Shipments shipments();

    interface Orders {
        /**
         * Orders per GraphQL page (and per call that reads orders named by webhooks). Shopify charges the selection
         * under a connection times its size; one order with 5 lines costs about 35 points, so 25 orders stay under
         * the 1000-point bucket of the standard plan.
         */
        @WithDefault("25")
        int pageSize();

        /** Line items read with the order; an order with more is completed by further pages of its lines. */
        @WithDefault("5")
        int lineItemsPerPage();
    }

    interface Webhooks {
        /**
         * The connector's public address of {@code POST /webhooks/shopify} (SHOPIFY_WEBHOOK_ADDRESS), which Shopify
         * calls. Empty: no subscriptions are made and polling alone imports orders.
         */
        Optional<String> address();

        /** Topics subscribed on connection (GraphQL WebhookSubscriptionTopic values). */
        @WithDefault("ORDERS_CREATE,ORDERS_UPDATED,ORDERS_CANCELLED,APP_UNINSTALLED")
        List<String> topics();

        /** How often stored deliveries are processed. */
        @WithDefault("1s")
        Duration drainInterval();

        /** Deliveries processed per shop and transaction (their orders are read from Shopify in one call per page). */
        @WithDefault("15")
        int batchSize();

        /** Attempts to read a delivery's order before it is left FAILED (the poll still imports the order). */
        @WithDefault("10")
        int maxAttempts();

        /** How long processed deliveries are kept (redaction removes a customer's earlier). */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Shipments {
        /** Whether Shopify e-mails the buyer about a fulfillment (per-shop settings are not in the core yet). */
        @WithDefault("true")
        boolean notifyCustomer();
    }
}
