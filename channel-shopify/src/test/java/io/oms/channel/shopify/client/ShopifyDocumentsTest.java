package io.oms.channel.shopify.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every document the connector sends is valid against Shopify's Admin GraphQL schema of the pinned version (2025-01). */
class ShopifyDocumentsTest {

    /** The unmodified introspection result of specs/ (the sandbox keeps the committed copy). */
    static final Path SCHEMA = Path.of("..", "sandbox", "src", "main", "resources", "specs", "shopify-admin-graphql-2025-01.json.gz");

    static GraphQLSchema schema;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadSchema() throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SCHEMA))) {
            Map<String, Object> introspection = new ObjectMapper().readValue(in, Map.class);
            Document sdl = new IntrospectionResultToSchema().createSchemaDefinition((Map<String, Object>) introspection.get("data"));
            schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl));
        }
    }

    @Test
    void everyFixedDocumentIsValidAgainstTheSchema() {
        for (ShopifyDocuments.Document document : ShopifyDocuments.ALL) {
            assertThat(errors(document)).as(document.operation()).isEmpty();
        }
    }

    @Test
    void theOrdersByIdDocumentIsValidForOneAndForManyOrders() {
        for (int count : new int[] {1, 2, 25}) {
            assertThat(errors(ShopifyDocuments.ordersById(count))).as("ordersById(" + count + ")").isEmpty();
        }
    }

    @Test
    void theGeneratedInventoryDocumentsAreValidForOneAndForManyItems() {
        for (int count : new int[] {1, 50}) {
            assertThat(errors(ShopifyDocuments.inventoryItemsBySku(count))).as("inventoryItemsBySku(" + count + ")").isEmpty();
            assertThat(errors(ShopifyDocuments.availableAt(count))).as("availableAt(" + count + ")").isEmpty();
        }
    }

    @Test
    void aDocumentWithAFieldShopifyDoesNotHaveIsCaught() {
        ShopifyDocuments.Document wrong = new ShopifyDocuments.Document("Wrong", "query Wrong { shop { name notAField } }", 1);
        assertThat(errors(wrong)).anyMatch(e -> e.contains("notAField"));
    }

    private static List<String> errors(ShopifyDocuments.Document document) {
        List<String> out = new ArrayList<>();
        for (ValidationError e : new Validator().validateDocument(schema, Parser.parse(document.text()), Locale.ENGLISH)) {
            out.add(e.getMessage());
        }
        return out;
    }
}
