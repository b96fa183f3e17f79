package io.oms.channel.shopify;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.testsupport.DatabaseDump;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dump of the connector's database (what a stolen backup shows) holds no store secret in plain text or base64. */
@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class CredentialsAtRestTest {

    @Test
    void aDumpOfTheDatabaseContainsNoPlaintextTokenOrSecretOfConnectedStores() throws Exception {
        JsonPath customApp = ShopifySandbox.createShop("dump-token-" + UUID.randomUUID().toString().substring(0, 6), 2);
        JsonPath clientCredentials = ShopifySandbox.createShop("dump-client-" + UUID.randomUUID().toString().substring(0, 6), 2);
        String first = Shops.connect(customApp);
        String second = given().contentType(ContentType.JSON)
                .body(Map.of("domain", clientCredentials.getString("domain"), "clientId", clientCredentials.getString("clientId"),
                        "clientSecret", clientCredentials.getString("clientSecret")))
                .post("/api/v1/shops").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).until(() -> Shops.initialSyncDone(first) && Shops.initialSyncDone(second));
        List<String> secrets = List.of(customApp.getString("accessToken"), customApp.getString("apiSecret"),
                clientCredentials.getString("clientSecret"), clientCredentials.getString("accessToken"));

        DatabaseDump.Dump dump = DatabaseDump.of(config("quarkus.datasource.jdbc.url"), config("quarkus.datasource.username"),
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));

        assertThat(dump.tables()).as("tables dumped (%s)", dump.method()).contains("channel_shop", "outbox");
        assertThat(dump.text()).as("both stores are in the dump").contains(customApp.getString("domain"), clientCredentials.getString("domain"));
        assertThat(dump.leaked(secrets)).as("secrets readable in a %s dump", dump.method()).isEmpty();
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
