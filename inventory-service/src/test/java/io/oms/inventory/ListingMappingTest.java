package io.oms.inventory;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.events.Channel;
import io.oms.events.CloudEvent;
import io.oms.events.CloudEventCodec;
import io.oms.events.ListingId;
import io.oms.events.ShopId;
import io.oms.events.Sku;
import io.oms.events.channel.ListingDiscovered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.oms.inventory.Api.anItem;
import static io.oms.inventory.Api.putItem;
import static io.oms.inventory.Api.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ListingMappingTest {

    @Inject
    CloudEventCodec codec;
    @Inject
    Clock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void listingsMapBySkuThenByNameElseStayUnconfirmedUntilAnOperatorMapsThem() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        String shop = unique("lshop");
        String bySku = unique("LSKU");
        String name = unique("Named item");
        String byName = unique("LNAME");
        putItem(bySku, anItem("Listed by SKU")).statusCode(201);
        putItem(byName, anItem(name)).statusCode(201);

        KafkaTopics.send(bootstrapServers, codec, List.of(
                listing(shop, "1", bySku, "Whatever title"),
                listing(shop, "2", null, name),
                listing(shop, "3", unique("UNKNOWN"), "Nobody knows me"),
                listing(shop, "4", "DUP-" + shop, "Twin a"),
                listing(shop, "5", "DUP-" + shop, "Twin b")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/api/v1/channel-listings/etsy/{shop}", shop)
                .then().statusCode(200).body("total", equalTo(5)));
        given().when().get("/api/v1/channel-listings/etsy/{shop}", shop).then()
                .body("items.find { it.listingId == '1' }.match", equalTo("sku"))
                .body("items.find { it.listingId == '1' }.mappedSku", equalTo(bySku))
                .body("items.find { it.listingId == '2' }.match", equalTo("name"))
                .body("items.find { it.listingId == '2' }.mappedSku", equalTo(byName))
                .body("items.find { it.listingId == '3' }.match", equalTo("unconfirmed"))
                .body("items.find { it.listingId == '4' }.duplicateSku", equalTo(true))
                .body("items.find { it.listingId == '5' }.duplicateSku", equalTo(true));
        int unconfirmedId = given().queryParam("size", 500).when().get("/api/v1/unconfirmed-items").then().statusCode(200)
                .extract().path("items.find { it.shopId == '" + shop + "' && it.listingId == '3' }.id");

        given().contentType(ContentType.JSON).body(Map.of("sku", bySku))
                .when().post("/api/v1/unconfirmed-items/{id}/map", unconfirmedId).then().statusCode(200).body("match", equalTo("manual"));
        given().contentType(ContentType.JSON).body(Map.of("sku", unique("NOITEM")))
                .when().post("/api/v1/unconfirmed-items/{id}/map", unconfirmedId).then().statusCode(404).body("field", equalTo("sku"));
        given().queryParam("size", 500).when().get("/api/v1/unconfirmed-items").then()
                .body("items.findAll { it.shopId == '" + shop + "' }.listingId", org.hamcrest.Matchers.containsInAnyOrder("4", "5"));
    }

    @Test
    void anOperatorCreatesTheItemOfAnUnconfirmedListingAndTheListingIsMappedToIt() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        String shop = unique("cshop");
        String reported = unique("NEWSKU");
        String taken = unique("TAKEN");
        putItem(taken, anItem("Already here")).statusCode(201);
        KafkaTopics.send(bootstrapServers, codec, List.of(
                listing(shop, "1", reported, "Handmade mug"),
                listing(shop, "2", null, "Untitled thing"),
                listing(shop, "3", unique("OTHER"), "Clashing one")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/api/v1/channel-listings/etsy/{shop}", shop)
                .then().statusCode(200).body("total", equalTo(3)));
        int withSku = listingId(shop, "1");
        int withoutSku = listingId(shop, "2");
        int clashing = listingId(shop, "3");

        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/unconfirmed-items/{id}/create-item", withSku).then()
                .statusCode(201).body("sku", equalTo(reported)).body("name", equalTo("Handmade mug"))
                .body("listing.mappedSku", equalTo(reported)).body("listing.match", equalTo("manual"));
        given().when().get("/api/v1/items/{sku}", reported).then().statusCode(200).body("price", equalTo(9.90f)).body("currency", equalTo("EUR"));

        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/unconfirmed-items/{id}/create-item", withoutSku).then()
                .statusCode(400).body("field", equalTo("sku"));
        String chosen = unique("CHOSEN");
        given().contentType(ContentType.JSON).body(Map.of("sku", chosen, "name", "Named by hand"))
                .when().post("/api/v1/unconfirmed-items/{id}/create-item", withoutSku).then()
                .statusCode(201).body("sku", equalTo(chosen)).body("name", equalTo("Named by hand"));

        given().contentType(ContentType.JSON).body(Map.of("sku", taken))
                .when().post("/api/v1/unconfirmed-items/{id}/create-item", clashing).then().statusCode(409).body("field", equalTo("sku"));
        given().when().get("/api/v1/channel-listings/etsy/{shop}", shop).then()
                .body("items.find { it.listingId == '3' }.match", equalTo("unconfirmed"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/unconfirmed-items/{id}/create-item", 999_999_999).then()
                .statusCode(404).body("field", equalTo("id"));
    }

    private int listingId(String shop, String listingId) {
        return given().when().get("/api/v1/channel-listings/etsy/{shop}", shop).then().statusCode(200)
                .extract().path("items.find { it.listingId == '" + listingId + "' }.id");
    }

    private CloudEvent<ListingDiscovered> listing(String shop, String listingId, String sku, String title) {
        return CloudEvent.of("/channel-etsy/shops/" + shop, new ListingDiscovered(Channel.ETSY, ShopId.of(shop), ListingId.of(listingId),
                sku == null ? null : Sku.of(sku), title, new BigDecimal("9.90"), "EUR", 3, null), clock);
    }
}
