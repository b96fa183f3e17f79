package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ShopConnectionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void connectingAShopAnswersItsSettingsAndNeverASecret() throws Exception {
        JsonPath sandboxShop = EtsySandbox.createShop("Connect" + UUID.randomUUID().toString().substring(0, 6));
        List<String> secrets = List.of(sandboxShop.getString("keystring"), sandboxShop.getString("sharedSecret"),
                sandboxShop.getString("refreshToken"), sandboxShop.getString("accessToken"));

        String created;
        String listed;
        String tested;
        List<String> logLines;
        String id;
        try (CapturedLogs logs = CapturedLogs.open()) {
            created = given().contentType(ContentType.JSON).body(withName(EtsySandbox.connectBody(sandboxShop), "My Etsy shop"))
                    .post("/api/v1/shops")
                    .then().statusCode(201)
                    .body("id", notNullValue())
                    .body("name", equalTo("My Etsy shop"))
                    .body("externalShopId", equalTo(String.valueOf(sandboxShop.getLong("shopId"))))
                    .body("status", equalTo("CONNECTED"))
                    .body("settings.active", equalTo(true))
                    .body("settings.syncIntervalSeconds", equalTo(60))
                    .extract().asString();
            id = JsonPath.from(created).getString("id");
            listed = given().get("/api/v1/shops?size=500").then().statusCode(200)
                    .body("items.id", hasItem(id)).extract().asString();
            tested = given().post("/api/v1/shops/" + id + "/test-connection").then().statusCode(200)
                    .body("result", equalTo("Connection: success"))
                    .body("connectedAs", startsWith("Etsy user " + sandboxShop.getLong("userId")))
                    .extract().asString();
            logLines = logs.lines();
        }

        String everything = created + listed + tested + given().get("/api/v1/shops/" + id).asString();
        for (String secret : secrets) {
            assertThat(everything).doesNotContain(secret);
            assertThat(logLines).noneMatch(line -> line.contains(secret));
        }
        // the rotated tokens are the sandbox's "<user id>.<token>": none in an answer or a log line either
        String tokenPrefix = sandboxShop.getLong("userId") + ".";
        assertThat(everything).doesNotContain(tokenPrefix);
        assertThat(logLines).noneMatch(line -> line.contains(tokenPrefix));
        assertThat(logLines).anyMatch(line -> line.contains("connected"));

        byte[] stored = credentialsOf(UUID.fromString(id));
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            assertThat(storedText).doesNotContain(secret);
        }
        assertThat(storedText).doesNotContain(tokenPrefix).doesNotContain("sharedSecret");
    }

    @Test
    void settingsChangeAndAnIntervalOutOfRangeIsRefusedNamingTheField() {
        String id = connect("Settings");

        given().contentType(ContentType.JSON).body(Map.of("syncIntervalSeconds", 10))
                .patch("/api/v1/shops/" + id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("syncIntervalSeconds"))
                .body("status", equalTo(400));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed", "syncIntervalSeconds", 300, "importMode", "ALL", "maxOrdersPerRun", 500,
                        "skipOrderIds", List.of("123"), "stockSync", false, "warehouse", "WH-1", "active", false))
                .patch("/api/v1/shops/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("settings.syncIntervalSeconds", equalTo(300))
                .body("settings.importMode", equalTo("ALL"))
                .body("settings.maxOrdersPerRun", equalTo(500))
                .body("settings.skipOrderIds", equalTo(List.of("123")))
                .body("settings.stockSync", equalTo(false))
                .body("settings.warehouse", equalTo("WH-1"))
                .body("settings.active", equalTo(false));

        // re-enabling keeps everything else
        given().contentType(ContentType.JSON).body(Map.of("active", true))
                .patch("/api/v1/shops/" + id)
                .then().statusCode(200)
                .body("settings.active", equalTo(true))
                .body("settings.syncIntervalSeconds", equalTo(300))
                .body("name", equalTo("Renamed"));
    }

    @Test
    void aTokenOfAnotherShopIsRefusedAndNothingIsConnected() {
        JsonPath mine = EtsySandbox.createShop("Mine" + UUID.randomUUID().toString().substring(0, 6));
        JsonPath other = EtsySandbox.createShop("Other" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, Object> body = new HashMap<>(EtsySandbox.connectBody(other));
        body.put("shopId", mine.getLong("shopId"));

        given().contentType(ContentType.JSON).body(body).post("/api/v1/shops")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("shopId"));

        given().get("/api/v1/shops?size=500").then().statusCode(200)
                .body("items.externalShopId", org.hamcrest.Matchers.not(hasItem(String.valueOf(mine.getLong("shopId")))));
    }

    @Test
    void aMissingFieldIsRefusedNamingIt() {
        given().contentType(ContentType.JSON).body(Map.of("shopId", 1, "keystring", "k"))
                .post("/api/v1/shops")
                .then().statusCode(422)
                .body("field", equalTo("sharedSecret"));
    }

    @Test
    void anUnknownShopIsANotFoundProblem() {
        given().get("/api/v1/shops/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theStatusMappingIsReadable() {
        given().get("/api/v1/mappings/status").then().statusCode(200)
                .body("paid", equalTo("PAID"))
                .body("canceled", equalTo("CANCELLED"));
    }

    private String connect(String prefix) {
        JsonPath sandboxShop = EtsySandbox.createShop(prefix + UUID.randomUUID().toString().substring(0, 6));
        return given().contentType(ContentType.JSON).body(EtsySandbox.connectBody(sandboxShop)).post("/api/v1/shops")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> withName(Map<String, Object> body, String name) {
        Map<String, Object> named = new HashMap<>(body);
        named.put("name", name);
        return named;
    }

    private byte[] credentialsOf(UUID shopId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select credentials from channel_shop where id = ?")) {
            st.setObject(1, shopId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }
}
