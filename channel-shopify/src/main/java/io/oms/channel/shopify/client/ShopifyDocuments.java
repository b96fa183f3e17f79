package io.oms.channel.shopify.client;

import java.util.List;
import java.util.StringJoiner;

/**
 * Every GraphQL document the connector sends, in one place, so that a test validates each against Shopify's
 * schema of the pinned version ({@code ShopifyDocumentsTest}). Costs are first guesses for the budget; after one
 * answer the budget uses the cost Shopify reported.
 */
public final class ShopifyDocuments {

    /** @param operation the operation's name (also the budget's key for its cost) */
    public record Document(String operation, String text, int costGuess) {
    }

    private static final String ORDER_SNAPSHOT = """
            fragment OrderSnapshot on Order {
              id name email createdAt updatedAt cancelledAt cancelReason
              displayFinancialStatus displayFulfillmentStatus currencyCode
              customer { id displayName }
              shippingAddress { ...Address }
              billingAddress { ...Address }
              shippingLine { title }
              subtotalPriceSet { shopMoney { amount currencyCode } }
              totalShippingPriceSet { shopMoney { amount currencyCode } }
              totalTaxSet { shopMoney { amount currencyCode } }
              totalDiscountsSet { shopMoney { amount currencyCode } }
              totalPriceSet { shopMoney { amount currencyCode } }
              lineItems(first: $lines) { nodes { ...Line } }
            }
            fragment Line on LineItem {
              id sku title variantTitle quantity currentQuantity
              variant { id }
              originalUnitPriceSet { shopMoney { amount currencyCode } }
            }
            fragment Address on MailingAddress {
              name company address1 address2 city provinceCode zip countryCodeV2 phone
            }
            """;

    /** The shop's name (test connection). */
    public static final Document SHOP = new Document("ShopIdentity", """
            query ShopIdentity {
              shop { name myshopifyDomain currencyCode }
            }
            """, 2);

    /** The scopes granted to the app (test connection); asked apart from the shop, as not every server answers it. */
    public static final Document ACCESS_SCOPES = new Document("AccessScopes", """
            query AccessScopes {
              currentAppInstallation { accessScopes { handle } }
            }
            """, 2);

    /** One page of orders, by update (cursor sync) or creation (time frames), with a search query. */
    public static final Document ORDERS_PAGE = new Document("OrdersPage", """
            query OrdersPage($first: Int!, $after: String, $query: String!, $sortKey: OrderSortKeys!, $lines: Int!) {
              orders(first: $first, after: $after, query: $query, sortKey: $sortKey) {
                nodes { ...OrderSnapshot }
                pageInfo { hasNextPage endCursor }
              }
            }
            """ + ORDER_SNAPSHOT, 950);

    /** Every line of one order, for an order with more lines than the first page of {@link #ORDERS_PAGE} holds. */
    public static final Document ORDER_LINES = new Document("OrderLines", """
            query OrderLines($id: ID!, $first: Int!, $after: String) {
              order(id: $id) {
                lineItems(first: $first, after: $after) {
                  nodes { ...Line }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }
            fragment Line on LineItem {
              id sku title variantTitle quantity currentQuantity
              variant { id }
              originalUnitPriceSet { shopMoney { amount currencyCode } }
            }
            """, 300);

    /** Subscribes the connector's address to one topic. */
    public static final Document SUBSCRIBE_WEBHOOK = new Document("SubscribeWebhook", """
            mutation SubscribeWebhook($topic: WebhookSubscriptionTopic!, $address: URL!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: {callbackUrl: $address, format: JSON}) {
                webhookSubscription { id topic }
                userErrors { field message }
              }
            }
            """, 12);

    /** The open fulfillment orders of an order, with their lines and what is left to fulfil. */
    public static final Document FULFILLMENT_ORDERS = new Document("FulfillmentOrdersOfOrder", """
            query FulfillmentOrdersOfOrder($id: ID!) {
              order(id: $id) {
                id
                fulfillmentOrders(first: 5) {
                  nodes {
                    id status
                    supportedActions { action }
                    lineItems(first: 25) { nodes { id sku remainingQuantity lineItem { id } } }
                  }
                }
              }
            }
            """, 280);

    /** Fulfils lines of fulfillment orders with tracking. */
    public static final Document FULFILLMENT_CREATE = new Document("CreateFulfillment", """
            mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
              fulfillmentCreate(fulfillment: $fulfillment) {
                fulfillment { id status trackingInfo { company number url } }
                userErrors { field message }
              }
            }
            """, 15);

    /** The shop's primary location (stock is written there unless a location is configured). */
    public static final Document PRIMARY_LOCATION = new Document("PrimaryLocation", """
            query PrimaryLocation {
              location { id name }
            }
            """, 2);

    /** Absolute "available" quantities with compare-and-set, up to 250 per call. */
    public static final Document SET_AVAILABLE = new Document("SetAvailable", """
            mutation SetAvailable($input: InventorySetQuantitiesInput!) {
              inventorySetQuantities(input: $input) {
                inventoryAdjustmentGroup { id }
                userErrors { field message code }
              }
            }
            """, 12);

    /**
     * One page of the shop's variants with their product (discovery): 100 variants cost about 700 points in the
     * sandbox's model, under the standard bucket of 1000. Variants rather than products with nested variants: a
     * product page would have to bound its variants (and page them again per product) at a higher cost per SKU.
     */
    public static final Document VARIANTS_PAGE = new Document("VariantsPage", """
            query VariantsPage($first: Int!, $after: String) {
              shop { currencyCode }
              productVariants(first: $first, after: $after, sortKey: ID) {
                nodes {
                  id sku price inventoryQuantity
                  inventoryItem { id }
                  product { id title status featuredMedia { preview { image { url } } } }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """, 702);

    /** Sets a product's status (ACTIVE, DRAFT): activation and deactivation of a listing. */
    public static final Document PRODUCT_STATUS = new Document("ProductStatus", """
            mutation ProductStatus($product: ProductUpdateInput!) {
              productUpdate(product: $product) {
                product { id status }
                userErrors { field message }
              }
            }
            """, 11);

    /** A variant's current inventory item and SKU (a cached item that Shopify no longer knows). */
    public static final Document VARIANT_ITEM = new Document("VariantItem", """
            query VariantItem($id: ID!) {
              productVariant(id: $id) { id sku inventoryItem { id } }
            }
            """, 3);

    /** Inventory items by SKU (aliases {@code s0, s1, ...} with search queries {@code $q0, $q1, ...}). */
    public static Document inventoryItemsBySku(int count) {
        StringJoiner variables = new StringJoiner(", ", "(", ")");
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            variables.add("$q" + i + ": String!");
            fields.append("  s").append(i).append(": inventoryItems(first: 2, query: $q").append(i).append(") { nodes { id sku variant { id } } }\n");
        }
        return new Document("InventoryItemsBySku" + count, "query InventoryItemsBySku" + count + variables + " {\n" + fields + "}\n", 5 * count);
    }

    /** The "available" quantity of inventory items at a location (aliases {@code i0, i1, ...}). */
    public static Document availableAt(int count) {
        StringJoiner variables = new StringJoiner(", ", "($location: ID!, ", ")");
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            variables.add("$id" + i + ": ID!");
            fields.append("  i").append(i).append(": inventoryItem(id: $id").append(i)
                    .append(") { id sku inventoryLevel(locationId: $location) { quantities(names: [\"available\"]) { name quantity } } }\n");
        }
        return new Document("AvailableAt" + count, "query AvailableAt" + count + variables + " {\n" + fields + "}\n", 3 * count);
    }

    /**
     * Orders by id, as many as given, in one call (aliases {@code o0, o1, ...}): the orders webhooks named.
     * Shopify's {@code orders} search has no OR of ids, so aliases of {@code order(id:)} it is.
     */
    public static Document ordersById(int count) {
        StringJoiner variables = new StringJoiner(", ", "($lines: Int!, ", ")");
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            variables.add("$id" + i + ": ID!");
            fields.append("  o").append(i).append(": order(id: $id").append(i).append(") { ...OrderSnapshot }\n");
        }
        return new Document("OrdersById" + count, "query OrdersById" + count + variables + " {\n" + fields + "}\n" + ORDER_SNAPSHOT,
                60 * count);
    }

    /** The fixed documents (the test adds samples of the generated ones). */
    public static final List<Document> ALL = List.of(SHOP, ACCESS_SCOPES, ORDERS_PAGE, ORDER_LINES, SUBSCRIBE_WEBHOOK, FULFILLMENT_ORDERS, FULFILLMENT_CREATE,
            PRIMARY_LOCATION, SET_AVAILABLE, VARIANTS_PAGE, PRODUCT_STATUS, VARIANT_ITEM);

    private ShopifyDocuments() {
    }
}
