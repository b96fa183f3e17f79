package io.oms.sandbox.shopify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.oms.sandbox.shopify.graphql.ShopifySchema;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A sandbox Shopify store and a GraphQL client that checks every document against Shopify's schema first. */
public record ShopifyStoreFixture(String domain, String accessToken, String clientId, String clientSecret,
                                  String apiSecret, JsonPath created) {

    private static final GraphQLSchema SCHEMA = ShopifySchema.load().schema();

    public static ShopifyStoreFixture create(Map<String, Object> body) {
        JsonPath json = given().contentType(ContentType.JSON).body(body).post("/sandbox/shopify/shops")
                .then().statusCode(201).extract().jsonPath();
        return new ShopifyStoreFixture(json.getString("domain"), json.getString("accessToken"),
                json.getString("clientId"), json.getString("clientSecret"), json.getString("apiSecret"), json);
    }

    public static ShopifyStoreFixture create() {
        return create(Map.of("products", 4, "stock", 30));
    }

    /** Fails the test if the document is not valid against the 2025-01 schema. */
    public static void assertValid(String document) {
        List<ValidationError> errors = new Validator().validateDocument(SCHEMA, Parser.parse(document),
                Locale.ENGLISH);
        assertThat(errors).as("GraphQL document is valid against Shopify's schema").isEmpty();
    }

    public ValidatableResponse graphql(String document, Map<String, Object> variables) {
        assertValid(document);
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return given().contentType(ContentType.JSON).header("X-Shopify-Shop-Domain", domain)
                .header("X-Shopify-Access-Token", accessToken).body(body)
                .post("/admin/api/2025-01/graphql.json").then();
    }

    public ValidatableResponse graphql(String document) {
        return graphql(document, Map.of());
    }

    public JsonPath orders(int count) {
        return given().contentType(ContentType.JSON).body(Map.of("count", count))
                .post("/sandbox/shopify/shops/" + domain + "/orders").then().statusCode(201).extract().jsonPath();
    }
}
