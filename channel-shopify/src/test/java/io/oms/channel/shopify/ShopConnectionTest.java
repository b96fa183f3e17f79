package io.oms.channel.shopify;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ShopConnectionTest {

    @Inject
    DataSource dataSource;

    @Test
    void aCustomAppShopIsConnectedAndTestConnectionNamesTheShop() throws Exception {
        JsonPath store = ShopifySandbox.createShop("conn-" + UUID.randomUUID().toString().substring(0, 6), 3);
        String domain = store.getString("domain");

        String body = given().contentType(ContentType.JSON).body(ShopifySandbox.connectBody(store)).post("/api/v1/shops")
                .then().statusCode(201)
                .body("channel", equalTo("shopify"))
                .body("externalShopId", equalTo(domain))
                .body("name", equalTo(store.getString("name")))
                .extract().asString();
        String id = JsonPath.from(body).getString("id");
        assertThat(body).doesNotContain(store.getString("accessToken")).doesNotContain(store.getString("apiSecret"));

        given().post("/api/v1/shops/" + id + "/test-connection").then().statusCode(200)
                .body("result", equalTo("Connection: success"))
                .body("connectedAs", containsString(store.getString("name")))
                .body("connectedAs", containsString(domain));
        String shopJson = given().get("/api/v1/shops/" + id).then().statusCode(200).extract().asString();
        assertThat(shopJson).doesNotContain(store.getString("accessToken")).doesNotContain(store.getString("apiSecret"));

        byte[] stored = storedCredentials(id);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(store.getString("accessToken"))
                .doesNotContain(store.getString("apiSecret"));
    }

    @Test
    void aClientCredentialsShopGetsItsTokenAndTestConnectionNamesTheGrantedScopes() {
        JsonPath store = ShopifySandbox.createShop("cc-" + UUID.randomUUID().toString().substring(0, 6), 3);
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("domain", store.getString("domain"), "clientId", store.getString("clientId"),
                        "clientSecret", store.getString("clientSecret")))
                .post("/api/v1/shops").then().statusCode(201).extract().path("id");

        given().post("/api/v1/shops/" + id + "/test-connection").then().statusCode(200)
                .body("result", equalTo("Connection: success"))
                .body("connectedAs", containsString("granted scopes: read_orders"))
                .body("connectedAs", containsString("write_fulfillments"));
        assertThat(ShopifySandbox.calls(store.getString("domain"))).anyMatch(c -> "client_credentials".equals(c.get("operation")));
    }

    @Test
    void connectingSubscribesTheOrderAndUninstallTopicsAtThePublicAddress() {
        JsonPath store = ShopifySandbox.createShop("hooks-" + UUID.randomUUID().toString().substring(0, 6), 3);
        Shops.connect(store);

        JsonPath subscriptions = ShopifySandbox.graphql(store,
                "{ webhookSubscriptions(first: 20) { nodes { topic callbackUrl } } }", Map.of());
        List<String> topics = subscriptions.getList("data.webhookSubscriptions.nodes.topic");
        assertThat(topics).containsExactlyInAnyOrder("ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED", "APP_UNINSTALLED");
        assertThat(subscriptions.getList("data.webhookSubscriptions.nodes.callbackUrl", String.class))
                .allMatch(url -> url.endsWith("/webhooks/shopify"));
    }

    @Test
    void aWrongAccessTokenIsRefusedNamingTheFieldAndNothingIsStored() {
        JsonPath store = ShopifySandbox.createShop("wrong-" + UUID.randomUUID().toString().substring(0, 6), 3);
        given().contentType(ContentType.JSON)
                .body(Map.of("domain", store.getString("domain"), "accessToken", "shpat_wrong", "apiSecret", "x"))
                .post("/api/v1/shops").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("field", equalTo("accessToken"));
        List<String> domains = given().get("/api/v1/shops?size=500").then().extract().path("items.externalShopId");
        assertThat(domains).doesNotContain(store.getString("domain"));
    }

    @Test
    void aDomainThatIsNotAMyshopifyAddressIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("domain", "shop.example.com", "accessToken", "t", "apiSecret", "s"))
                .post("/api/v1/shops").then().statusCode(422).body("field", equalTo("domain"));
        given().contentType(ContentType.JSON).body(Map.of("domain", "a.myshopify.com", "accessToken", "t"))
                .post("/api/v1/shops").then().statusCode(422).body("field", equalTo("apiSecret"));
    }

    @Test
    void theStatusMappingIsReadable() {
        given().get("/api/v1/mappings/status").then().statusCode(200)
                .body("find { it.financial == ['PAID', 'PARTIALLY_REFUNDED'] && it.fulfillment == ['FULFILLED'] }.status", equalTo("SHIPPED"))
                .body("[0].cancelled", equalTo("yes"))
                .body("[0].status", equalTo("CANCELLED"));
    }

    @Test
    void noSecretReachesALogLine() {
        JsonPath store = ShopifySandbox.createShop("logs-" + UUID.randomUUID().toString().substring(0, 6), 3);
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                lines.add(record.getLoggerName() + " " + message + (record.getThrown() == null ? "" : " | " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("domain", store.getString("domain"), "clientId", store.getString("clientId"),
                            "clientSecret", store.getString("clientSecret")))
                    .post("/api/v1/shops").then().statusCode(201).extract().path("id");
            given().post("/api/v1/shops/" + id + "/test-connection").then().statusCode(200);
            given().contentType(ContentType.JSON)
                    .body(Map.of("domain", store.getString("domain"), "accessToken", "shpat_wrong", "apiSecret", "shpss_wrong"))
                    .post("/api/v1/shops").then().statusCode(422);
            given().header("X-Shopify-Shop-Domain", store.getString("domain")).header("X-Shopify-Topic", "orders/create")
                    .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString()).header("X-Shopify-Hmac-SHA256", "AAAA")
                    .body("{}").post("/webhooks/shopify").then().statusCode(401);
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains("shpat_") || l.contains("shpss_") || l.contains(store.getString("clientSecret"))
                || l.contains(store.getString("accessToken")));
    }

    private byte[] storedCredentials(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select credentials from channel_shop where id = ?")) {
            st.setObject(1, UUID.fromString(id));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
