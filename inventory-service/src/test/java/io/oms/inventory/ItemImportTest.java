package io.oms.inventory;

import io.oms.rest.RoleHierarchy;
import io.oms.rest.Roles;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.oms.inventory.Api.createWarehouse;
import static io.oms.inventory.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "test", roles = Roles.ADMIN, augmentors = RoleHierarchy.class)
class ItemImportTest {

    @Test
    void aThousandRowsWithTenBadOnesApplyNineHundredNinetyAndReasonTheRest() {
        String prefix = unique("CSV");
        String warehouse = createWarehouse(unique("C"), false);
        StringBuilder csv = new StringBuilder("sku,name,description,price,sellingPrice,currency,status,warehouse,onHand\n");
        String[] bad = {
                ",\"No SKU\",,1.00,,EUR,active,%s,1",
                "%s-bad-1,,,1.00,,EUR,active,%s,1",
                "%s-bad-2,\"Negative\",,-1,,EUR,active,%s,1",
                "%s-bad-3,\"Not a price\",,abc,,EUR,active,%s,1",
                "%s-bad-4,\"Lower currency\",,1.00,,eur,active,%s,1",
                "%s-bad-5,\"Odd status\",,1.00,,EUR,sleeping,%s,1",
                "%s-bad-6,\"Nowhere\",,1.00,,EUR,active,NO-SUCH-WH,1",
                "%s-bad-7,\"Fractional stock\",,1.00,,EUR,active,%s,1.5",
                "%s-bad-8,\"Negative stock\",,1.00,,EUR,active,%s,-4",
                "%s-bad-9,\"Stock without warehouse\",,1.00,,EUR,active,,4",
        };
        for (int i = 0; i < 990; i++) {
            csv.append(prefix).append('-').append(i).append(",\"Item ").append(i).append(", quoted\",desc,")
                    .append("4.50,,EUR,active,").append(warehouse).append(',').append(i % 7).append('\n');
        }
        for (String row : bad) {
            csv.append(row.startsWith(",") ? String.format(row, warehouse) : String.format(row, prefix, warehouse)).append('\n');
        }

        JsonPath report = given().contentType("text/csv").body(csv.toString()).when().post("/api/v1/items/import")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("created")).isEqualTo(990);
        assertThat(report.getInt("refused")).isEqualTo(10);
        List<Map<String, Object>> refused = report.getList("rows.findAll { it.outcome == 'REFUSED' }");
        assertThat(refused).hasSize(10).allSatisfy(row -> assertThat((String) row.get("reason")).isNotBlank());
        assertThat(refused).extracting(row -> row.get("field"))
                .containsExactly("sku", "name", "price", "price", "currency", "status", "warehouse", "onHand", "onHand", "warehouse");
        given().when().get("/api/v1/items/{sku}", prefix + "-13").then().statusCode(200)
                .body("name", equalTo("Item 13, quoted"))
                .body("stock[0].onHand", equalTo(13 % 7));
        given().when().get("/api/v1/items/{sku}", prefix + "-bad-6").then().statusCode(404);
    }

    @Test
    void importingAgainUpdatesAndAFileWithoutRequiredColumnsIsRefused() {
        String sku = unique("AGAIN");
        String csv = "sku,name,price,currency\n" + sku + ",First,1.00,EUR\n";
        given().contentType("text/csv").body(csv).when().post("/api/v1/items/import").then().statusCode(200).body("created", equalTo(1));
        given().contentType("text/csv").body(csv.replace("First", "Second")).when().post("/api/v1/items/import").then()
                .statusCode(200).body("updated", equalTo(1));
        given().when().get("/api/v1/items/{sku}", sku).then().body("name", equalTo("Second"));

        given().contentType("text/csv").body("sku,name\nx,y\n").when().post("/api/v1/items/import").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("header"));
    }
}
