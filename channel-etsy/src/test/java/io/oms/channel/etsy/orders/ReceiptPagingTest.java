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
        // spread over two days: every receipt has a second of its own, as a shop's receipts usually do
        Set<Long> created = new HashSet<>(EtsySandbox.createReceipts(sandboxShop.getLong("shopId"), 250, 2));

        // the buyer's tenth receipt is shipped: it moves from the first page to the end of the update order
        List<String> read = readShippingBetweenPages(sandboxShop, Instant.now().minus(3, ChronoUnit.DAYS), 9);

        assertThat(ids(read)).as("every receipt read in the run").containsAll(created);
        assertThat(read.get(read.size() - 1)).as("the shipped receipt is read again, last").isEqualTo(read.get(9));
    }

    @Test
    void receiptsShippedDuringACursorRunFromAmongHundredsOfTheSameSecondDoNotPushOthersOutOfTheRun() {
        JsonPath sandboxShop = EtsySandbox.createShop("Busy" + UUID.randomUUID().toString().substring(0, 6));
        // a busy shop: all of them within a second or two, so that the pages end inside a second
        Set<Long> created = new HashSet<>(EtsySandbox.createReceipts(sandboxShop.getLong("shopId"), 250));

        // three receipts read on the first page are shipped before the second is read
        List<String> read = readShippingBetweenPages(sandboxShop, Instant.now().minus(1, ChronoUnit.HOURS), 5, 50, 95);

        assertThat(ids(read)).as("every receipt read in the run").containsAll(created);
    }

    /** A cursor run's pages read one after another, with the receipts at these places of the first page shipped before the second. */
    private List<String> readShippingBetweenPages(JsonPath sandboxShop, Instant since, int... shippedPlaces) {
        long shopId = sandboxShop.getLong("shopId");
        String id = given().contentType(ContentType.JSON).body(EtsySandbox.connectBody(sandboxShop)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");
        ShopAccess access = new ShopAccess(UUID.fromString(id), String.valueOf(shopId));
        List<String> read = new ArrayList<>();
        OrderPage page = channel.fetchOrders(access, new OrderQuery(since, null, null, null, 0, 100));
        page.orders().stream().map(FetchedOrder::externalOrderId).forEach(read::add);
        assertThat(page.last()).isFalse();
        Map<String, String> owner = EtsySandbox.ownerHeaders(sandboxShop);
        for (int place : shippedPlaces) {
            EtsySandbox.etsy(owner).contentType(ContentType.URLENC).formParam("tracking_code", "1Z99" + place).formParam("carrier_name", "ups")
                    .post("/v3/application/shops/" + shopId + "/receipts/" + read.get(place) + "/tracking").then().statusCode(200);
        }
        while (!page.last()) {
            page = channel.fetchOrders(access, new OrderQuery(since, null, null, page.next(), read.size(), 100));
            page.orders().stream().map(FetchedOrder::externalOrderId).forEach(read::add);
        }
        return read;
    }

    private static Set<Long> ids(List<String> read) {
        return new HashSet<>(read.stream().map(Long::parseLong).toList());
    }
}
