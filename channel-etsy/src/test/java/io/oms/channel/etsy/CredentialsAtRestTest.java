package io.oms.channel.etsy;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.oms.testsupport.DatabaseDump;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dump of the connector's database (what a stolen backup shows) holds no shop secret in plain text or base64. */
@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class CredentialsAtRestTest {

    @Test
    void aDumpOfTheDatabaseContainsNoPlaintextSecretOfAConnectedShop() throws Exception {
        JsonPath sandboxShop = EtsySandbox.createShop("Dump" + UUID.randomUUID().toString().substring(0, 6));
        String id = Shops.connect(sandboxShop);
        // the first sync refreshed the token: the rotated tokens are stored too
        await().atMost(Duration.ofSeconds(120)).until(() -> Shops.initialSyncDone(id));
        List<String> secrets = List.of(sandboxShop.getString("sharedSecret"), sandboxShop.getString("refreshToken"),
                sandboxShop.getString("keystring"));

        DatabaseDump.Dump dump = DatabaseDump.of(config("quarkus.datasource.jdbc.url"), config("quarkus.datasource.username"),
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));

        assertThat(dump.tables()).as("tables dumped (%s)", dump.method()).contains("channel_shop", "outbox");
        assertThat(dump.text()).as("the shop is in the dump").contains(sandboxShop.getString("shopId"));
        assertThat(dump.leaked(secrets)).as("secrets readable in a %s dump", dump.method()).isEmpty();
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }
}
