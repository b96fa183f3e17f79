package io.oms.channel.etsy.orders;

import io.oms.channel.core.marketplace.FetchedOrder;
import io.oms.channel.core.marketplace.MarketplaceChannel;
import io.oms.channel.core.marketplace.OrderPage;
import io.oms.channel.core.marketplace.OrderQuery;
import io.oms.channel.core.marketplace.ShopAccess;
import io.oms.channel.etsy.EtsySandbox;
import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ReceiptPagingTest {

    @Inject
    MarketplaceChannel channel;

    @Test
    void aReceiptShippedDuringACursorRunDoesNotPushAnotherOutOfTheRun() {
        JsonPath sandboxShop = EtsySandbox.createShop("Paging" + UUID.randomUUID().toString().substring(0, 6));
        long shopId = sandboxShop.getLong("shopId");
        // spread over two days: every receipt has a second of its own, as a shop's receipts usually do
        Set<Long> created = new HashSet<>(EtsySandbox.createReceipts(shopId, 250, 2));
        String id = given().contentType(ContentType.JSON).body(EtsySandbox.connectBody(sandboxShop)).post("/api/v1/shops").then().statusCode(201).extract().path("id");
        ShopAccess access = new ShopAccess(UUID.fromString(id), String.valueOf(shopId));
        Instant since = Instant.now().minus(3, ChronoUnit.DAYS);

        List<String> read = new ArrayList<>();
        OrderPage page = channel.fetchOrders(access, new OrderQuery(since, null, null, null, 0, 100));
        page.orders().stream().map(FetchedOrder::externalOrderId).forEach(read::add);
        assertThat(page.last()).isFalse();

        // the buyer's tenth receipt is shipped: it moves from the first page to the end of the update order
        long shipped = Long.parseLong(read.get(9));
        EtsySandbox.etsy(EtsySandbox.ownerHeaders(sandboxShop)).contentType(ContentType.URLENC)
                .formParam("tracking_code", "1Z999").formParam("carrier_name", "ups")
                .post("/v3/application/shops/" + shopId + "/receipts/" + shipped + "/tracking").then().statusCode(200);

        while (!page.last()) {
            page = channel.fetchOrders(access, new OrderQuery(since, null, null, page.next(), read.size(), 100));
            page.orders().stream().map(FetchedOrder::externalOrderId).forEach(read::add);
        }

        Set<Long> seen = new HashSet<>(read.stream().map(Long::parseLong).toList());
        assertThat(seen).as("every receipt read in the run").containsAll(created);
        assertThat(read.get(read.size() - 1)).as("the shipped receipt is read again, last").isEqualTo(String.valueOf(shipped));
    }

    @Test
    void receiptsShippedDuringACursorRunFromAmongHundredsOfTheSameSecondDoNotPushOthersOutOfTheRun() {
        JsonPath sandboxShop = EtsySandbox.createShop("Busy" + UUID.randomUUID().toString().substring(0, 6));
        long shopId = sandboxShop.getLong("shopId");
        // a busy shop: all of them within a second or two, so that the pages end inside a second
        Set<Long> created = new HashSet<>(EtsySandbox.createReceipts(shopId, 250));
        String id = given().contentType(ContentType.JSON).body(EtsySandbox.connectBody(sandboxShop)).post("/api/v1/shops").then().statusCode(201).extract().path("id");
        ShopAccess access = new ShopAccess(UUID.fromString(id), String.valueOf(shopId));
        Instant since = Instant.now().minus(1, ChronoUnit.HOURS);

        List<String> read = new ArrayList<>();
        OrderPage page = channel.fetchOrders(access, new OrderQuery(since, null, null, null, 0, 100));
        page.orders().stream().map(FetchedOrder::externalOrderId).forEach(read::add);
        Map<String, String> owner = EtsySandbox.ownerHeaders(sandboxShop);
        // three receipts read on the first page are shipped before the second is read
        for (int i : new int[] {5, 50, 95}) {
            EtsySandbox.etsy(owner).contentType(ContentType.URLENC).formParam("tracking_code", "1Z99" + i).formParam("carrier_name", "ups")
                    .post("/v3/application/shops/" + shopId + "/receipts/" + read.get(i) + "/tracking").then().statusCode(200);
        }
        while (!page.last()) {
            page = channel.fetchOrders(access, new OrderQuery(since, null, null, page.next(), read.size(), 100));
            page.orders().stream().map(FetchedOrder::externalOrderId).forEach(read::add);
        }

        assertThat(new HashSet<>(read.stream().map(Long::parseLong).toList())).as("every receipt read in the run").containsAll(created);
    }
}
