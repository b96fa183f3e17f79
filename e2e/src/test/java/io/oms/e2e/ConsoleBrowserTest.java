package io.oms.e2e;

import io.oms.local.Seed;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in headless Chromium, against the running stack: an operator connects a sandbox Etsy shop through
 * the marketplace's login, connects a sandbox Shopify store by its Admin API token, tests the connection, syncs and reads
 * the counts, releases a held order and every held order of a shop, maps an unconfirmed listing to a SKU, maps a shop to a
 * second warehouse, imports a CSV with a bad row, and ships an order whose tracking then shows on the sandbox receipt. Each test leaves a screenshot in
 * {@code target/screenshots}. Set-up the operator would not do in the console (sandbox shops and receipts) goes through the
 * sandbox's control API.
 */
@ExtendWith(Stack.class)
class ConsoleBrowserTest {

    private static final Duration BOUND = Duration.ofMinutes(3);
    private static Seed.DemoShops demo;
    private Browser browser;
    private String screenshot;

    @BeforeAll
    static void seedTheDemoShops() throws Exception {
        demo = new Seed(Stack.endpoints()).run();
    }

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = new Browser();
        screenshot = test.getTestMethod().orElseThrow().getName();
        browser.login(console("/shops"), "admin");
    }

    @AfterEach
    void screenshotAndClose() {
        try {
            System.out.println("[console] screenshot: " + browser.screenshot(screenshot).toAbsolutePath());
        } finally {
            browser.close();
        }
    }

    @Test
    void anOperatorConnectsAnEtsyShopThroughTheMarketplacesLogin() {
        JsonPath shop = newSandboxEtsyShop();

        browser.open(console("/shops/connect"));
        WebElement form = browser.find(By.id("connect-etsy"));
        form.findElement(By.name("name")).sendKeys(shop.getString("name"));
        form.findElement(By.name("shopId")).sendKeys(shop.getString("shopId"));
        form.findElement(By.name("keystring")).sendKeys(shop.getString("keystring"));
        form.findElement(By.name("sharedSecret")).sendKeys(shop.getString("sharedSecret"));
        browser.submit(form.findElement(By.tagName("button")));

        // the sandbox's consent page sent the browser back to the console, which had the connector exchange the code
        assertThat(browser.text(By.id("flash-ok"))).startsWith("Connected " + shop.getString("name"));
        assertThat(browser.text(By.id("shop-status"))).isEqualTo("CONNECTED");
        browser.open(console("/shops"));
        assertThat(browser.text(By.cssSelector("tr[data-shop='" + shop.getString("shopId") + "']"))).contains(shop.getString("name"), "CONNECTED");
    }

    @Test
    void aViewerLoggedInThroughTheIssuerIsNotOfferedWhatOnlyAnAdminMayDo() {
        Browser viewer = new Browser();
        try {
            viewer.login(console("/shops"), "viewer");
            assertThat(viewer.text(By.tagName("body"))).contains("demo-store");
            assertThat(viewer.present(By.id("connect-shop"))).as("'Connect a shop' offered to a viewer").isFalse();
            viewer.open(console("/stock/warehouses"));
            assertThat(viewer.text(By.id("warehouses"))).contains("MAIN");
            assertThat(viewer.present(By.id("map-shop"))).as("the mapping form offered to a viewer").isFalse();
            viewer.open(console("/stock/import"));
            assertThat(viewer.present(By.id("import"))).as("the import form offered to a viewer").isFalse();
        } finally {
            viewer.close();
        }
        browser.open(console("/shops"));
        assertThat(browser.present(By.id("connect-shop"))).as("'Connect a shop' offered to an admin").isTrue();
    }

    @Test
    void testingTheConnectionSaysSuccess() {
        String id = connect(newSandboxEtsyShop());

        browser.open(console("/shops/etsy/" + id));
        browser.submit(By.id("test-connection"));

        assertThat(browser.text(By.id("flash-ok"))).startsWith("Connection: success");
    }

    @Test
    void aManualSyncShowsItsRunWithTheCounts() {
        JsonPath shop = newSandboxEtsyShop();
        String id = connect(shop);
        sandbox().body(Map.of("count", 2)).post("/sandbox/etsy/shops/{shop}/receipts", shop.getString("shopId")).then().statusCode(201);

        browser.open(console("/shops/etsy/" + id));
        browser.submit(By.id("sync-now"));
        String flash = browser.text(By.id("flash-ok"));
        assertThat(flash).startsWith("Sync started (run ");
        String run = flash.substring("Sync started (run ".length(), flash.indexOf(')'));

        await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.open(console("/shops/etsy/" + id));
            WebElement row = browser.find(By.cssSelector("tr[data-run='" + run + "']"));
            assertThat(row.findElement(By.className("run-status")).getText()).isEqualTo("SUCCEEDED");
            int imported = browser.driver().findElements(By.cssSelector("#sync-runs td.imported")).stream()
                    .mapToInt(cell -> Integer.parseInt(cell.getText())).sum();
            assertThat(imported).as("orders imported by the shop's runs").isGreaterThanOrEqualTo(2);
            assertThat(row.findElement(By.className("failed")).getText()).isEqualTo("0");
        });
    }

    @Test
    void anOperatorReleasesAHeldOrder() {
        JsonPath shop = newSandboxEtsyShop();
        given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON).body(Map.of("holdNewOrders", true))
                .put("/api/v1/shop-settings/etsy/{shop}", shop.getString("shopId")).then().statusCode(200);
        connect(shop);
        String receipt = sandbox().body(Map.of("count", 1)).post("/sandbox/etsy/shops/{shop}/receipts", shop.getString("shopId"))
                .then().statusCode(201).extract().path("items[0].receiptId").toString();
        awaitOrderStatus(shop.getString("shopId"), receipt, "ON_HOLD");

        browser.open(console("/orders?channel=etsy&status=ON_HOLD&shopId=" + shop.getString("shopId")));
        browser.submit(By.cssSelector("tr[data-external='" + receipt + "'] a"));
        assertThat(browser.text(By.id("order-status"))).isEqualTo("ON_HOLD");
        browser.submit(By.id("release-order"));

        assertThat(browser.text(By.id("flash-ok"))).startsWith("Released");
        assertThat(browser.text(By.id("order-status"))).isNotEqualTo("ON_HOLD");
    }

    @Test
    void releasingEveryHeldOrderOfAShopSaysHowManyOfTheHeldOrdersWereReleased() {
        JsonPath shop = newSandboxEtsyShop();
        given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON).body(Map.of("holdNewOrders", true))
                .put("/api/v1/shop-settings/etsy/{shop}", shop.getString("shopId")).then().statusCode(200);
        connect(shop);
        List<Object> receipts = sandbox().body(Map.of("count", 2)).post("/sandbox/etsy/shops/{shop}/receipts", shop.getString("shopId"))
                .then().statusCode(201).extract().path("items.receiptId");
        receipts.forEach(receipt -> awaitOrderStatus(shop.getString("shopId"), receipt.toString(), "ON_HOLD"));

        browser.open(console("/orders?channel=etsy&status=ON_HOLD&shopId=" + shop.getString("shopId")));
        browser.submit(By.id("release-all"));

        assertThat(browser.text(By.id("flash-ok"))).isEqualTo("Released 2 of 2 held orders");
        receipts.forEach(receipt -> assertThat(browser.present(By.cssSelector("tr[data-external='" + receipt + "']"))).as("still held").isFalse());
    }

    @Test
    void anOperatorMapsAnUnconfirmedListingToASku() {
        JsonPath shop = newSandboxEtsyShop();
        String id = connect(shop);
        String sku = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Console test item", "price", "12.50", "currency", "EUR")).put("/api/v1/items/{sku}", sku)
                .then().statusCode(201);
        given().baseUri(Stack.part("channel-etsy").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON).body("{}").post("/api/v1/shops/{id}/listings/discover", id)
                .then().statusCode(200);
        String listing = await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).until(() -> unconfirmedListingOf(shop.getString("shopId")),
                l -> l != null);

        browser.open(console("/stock"));
        WebElement form = browser.find(By.cssSelector("tr[data-listing='" + listing + "'] form.map"));
        form.findElement(By.name("sku")).sendKeys(sku);
        browser.submit(form.findElement(By.tagName("button")));

        assertThat(browser.text(By.id("flash-ok"))).contains("is mapped to " + sku);
        assertThat(browser.present(By.cssSelector("tr[data-listing='" + listing + "']"))).as("still unconfirmed").isFalse();
        List<Map<String, Object>> listings = given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token())
                .get("/api/v1/channel-listings/etsy/{shop}", shop.getString("shopId")).then().statusCode(200).extract().path("items");
        assertThat(listings).filteredOn(l -> listing.equals(l.get("listingId"))).extracting(l -> l.get("mappedSku")).containsExactly(sku);
    }

    @Test
    void anOperatorShipsAnOrderAndTheTrackingReachesTheEtsyReceipt() {
        String receipt = sandbox().body(Map.of("count", 1)).post("/sandbox/etsy/shops/{shop}/receipts", demo.etsyShopId())
                .then().statusCode(201).extract().path("items[0].receiptId").toString();
        String orderId = awaitOrderStatus(demo.etsyShopId(), receipt, "NEW");

        browser.open(console("/orders/" + orderId));
        new Select(browser.find(By.id("move-status"))).selectByValue("READY_FOR_PICKING");
        browser.submit(By.id("move-button"));
        assertThat(browser.text(By.id("order-status"))).isEqualTo("READY_FOR_PICKING");
        await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.open(console("/fulfilment/orders/" + orderId + "/ship"));
            assertThat(browser.present(By.id("not-released"))).as("fulfilment-service has the order").isFalse();
        });
        assertThat(browser.text(By.id("channel-rule"))).contains("etsy takes one shipment per order");
        String tracking = "CONSOLE" + System.nanoTime();
        new Select(browser.find(By.id("carrier"))).selectByValue("dhl");
        browser.find(By.id("tracking-number")).sendKeys(tracking);
        browser.submit(By.id("submit-shipment"));

        assertThat(browser.text(By.id("flash-ok"))).contains("tracking " + tracking);
        assertThat(browser.text(By.id("shipments"))).contains(tracking);
        Marketplaces marketplaces = new Marketplaces(Stack.part("sandbox").url(), demo);
        await().atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(marketplaces.etsyTrackingCodes(receipt)).containsExactly(tracking));
        await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.open(console("/orders/" + orderId));
            assertThat(browser.text(By.id("order-status"))).isEqualTo("IN_TRANSIT");
        });
    }

    @Test
    void anAdminMapsAShopToASecondWarehouseAndSeesTheMappingListed() {
        JsonPath shop = newSandboxEtsyShop();
        connect(shop);
        String warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        browser.open(console("/stock/warehouses"));
        WebElement create = browser.find(By.id("create-warehouse"));
        create.findElement(By.name("code")).sendKeys(warehouse);
        create.findElement(By.name("name")).sendKeys("Second warehouse " + warehouse);
        browser.submit(create.findElement(By.tagName("button")));
        assertThat(browser.text(By.id("flash-ok"))).isEqualTo("Warehouse " + warehouse + " created");
        assertThat(browser.present(By.cssSelector("tr[data-warehouse='" + warehouse + "']"))).as("new warehouse listed").isTrue();

        new Select(browser.find(By.id("map-shop-shop"))).selectByValue("etsy/" + shop.getString("shopId"));
        new Select(browser.find(By.id("map-shop-warehouse"))).selectByValue(warehouse);
        browser.submit(By.cssSelector("#map-shop button"));

        assertThat(browser.text(By.id("flash-ok"))).isEqualTo("Warehouse " + warehouse + " feeds etsy shop " + shop.getString("shopId") + " now");
        WebElement row = browser.find(By.cssSelector("tr[data-mapping='etsy/" + shop.getString("shopId") + "']"));
        assertThat(row.findElement(By.className("warehouse")).getText()).isEqualTo(warehouse);
        assertThat(row.getText()).contains(shop.getString("name"));
        List<Map<String, Object>> mappings = given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token())
                .get("/api/v1/channel-warehouses").then().statusCode(200).extract().path("items");
        assertThat(mappings).filteredOn(m -> shop.getString("shopId").equals(m.get("shopId"))).extracting(m -> m.get("warehouseCode"))
                .containsExactly(warehouse);
    }

    @Test
    void aCsvImportShowsTheCountsAndTheRefusedRowsLineAndReason() throws Exception {
        String prefix = "CSV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path csv = Files.createTempFile("console-import-", ".csv");
        Files.writeString(csv, String.join("\n",
                "sku,name,price,currency,warehouse,onHand",
                prefix + "-1,Imported one,9.90,EUR,MAIN,5",
                prefix + "-2,Imported two,abc,EUR,MAIN,3",
                prefix + "-3,Imported three,4.00,EUR,,") + "\n");

        browser.open(console("/stock/import"));
        browser.find(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.submit(By.id("import-submit"));

        assertThat(browser.text(By.id("import-created"))).isEqualTo("2");
        assertThat(browser.text(By.id("import-refused"))).isEqualTo("1");
        WebElement refused = browser.find(By.cssSelector("#refused-rows tr[data-line='3']"));
        assertThat(refused.findElement(By.className("reason")).getText()).isEqualTo("price is not a number: 'abc'");
        Files.deleteIfExists(csv);
        Integer available = given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token())
                .get("/api/v1/items/{sku}", prefix + "-1").then().statusCode(200).extract().path("totalAvailable");
        assertThat(available).as("the imported row's stock in MAIN").isEqualTo(5);
        given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).get("/api/v1/items/{sku}", prefix + "-2")
                .then().statusCode(404);
    }

    @Test
    void anAdminConnectsAShopifyStoreByItsAdminApiTokenAndTheConnectionTestSaysSuccess() {
        String name = "ConsoleStore" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath store = sandbox().body(Map.of("name", name, "products", 2, "stock", 5, "currency", "EUR")).post("/sandbox/shopify/shops")
                .then().statusCode(201).extract().jsonPath();

        browser.open(console("/shops/connect"));
        WebElement form = browser.find(By.id("connect-shopify"));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("domain")).sendKeys(store.getString("domain"));
        form.findElement(By.name("accessToken")).sendKeys(store.getString("accessToken"));
        form.findElement(By.name("apiSecret")).sendKeys(store.getString("apiSecret"));
        browser.submit(form.findElement(By.tagName("button")));
        assertThat(browser.text(By.id("flash-ok"))).isEqualTo("Connected " + name + " (" + store.getString("domain") + ")");

        browser.submit(By.id("test-connection"));

        assertThat(browser.text(By.id("flash-ok"))).startsWith("Connection: success");
    }

    /** A new shop in the sandbox Etsy, with listings and stock: its id, name and the app's credentials. */
    private static JsonPath newSandboxEtsyShop() {
        String name = "ConsoleShop" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath shop = sandbox().body(Map.of("name", name, "listings", 3, "stock", 10, "currency", "EUR")).post("/sandbox/etsy/shops")
                .then().statusCode(201).extract().jsonPath();
        assertThat(shop.getString("shopId")).isNotBlank();
        return shop;
    }

    /** Connected through the connector's API with the refresh token the sandbox gave (set-up, not the step under test). */
    private static String connect(JsonPath shop) {
        return given().baseUri(Stack.part("channel-etsy").url()).auth().oauth2(Stack.token()).contentType(ContentType.JSON)
                .body(Map.of("name", shop.getString("name"), "shopId", shop.getString("shopId"), "keystring", shop.getString("keystring"),
                        "sharedSecret", shop.getString("sharedSecret"), "refreshToken", shop.getString("refreshToken")))
                .post("/api/v1/shops").then().statusCode(201).extract().path("id");
    }

    private static String awaitOrderStatus(String shopId, String receipt, String status) {
        return await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> orders = given().baseUri(Stack.part("order-service").url()).auth().oauth2(Stack.token()).queryParam("channel", "etsy")
                    .queryParam("shopId", shopId).queryParam("size", 500).get("/api/v1/orders").then().statusCode(200).extract().path("items");
            return orders.stream().filter(o -> receipt.equals(o.get("externalOrderId")) && status.equals(o.get("status")))
                    .map(o -> (String) o.get("id")).findFirst().orElse(null);
        }, id -> id != null);
    }

    private static String unconfirmedListingOf(String shopId) {
        List<Map<String, Object>> items = given().baseUri(Stack.part("inventory-service").url()).auth().oauth2(Stack.token()).queryParam("size", 500)
                .get("/api/v1/unconfirmed-items").then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> shopId.equals(i.get("shopId"))).map(i -> (String) i.get("listingId")).findFirst().orElse(null);
    }

    private static String console(String path) {
        return Stack.part("console").url() + path;
    }

    private static io.restassured.specification.RequestSpecification sandbox() {
        return given().baseUri(Stack.part("sandbox").url()).contentType(ContentType.JSON);
    }
}
