package io.oms.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsJsonSchemaDraft202012WithAnId(EventType type) throws IOException {
        JsonNode schema = JSON.readTree(Fixtures.resource(type.schemaResource()));

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).endsWith("/" + type.schemaResource().substring("schemas/".length()));
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("required").isArray()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaLeavesRoomForAddedOptionalFields(EventType type) throws IOException {
        JsonNode schema = JSON.readTree(Fixtures.resource(type.schemaResource()));

        assertThat(schema.findValues("additionalProperties")).noneMatch(v -> v.isBoolean() && !v.asBoolean());
        assertThat(schema.findValues("unevaluatedProperties")).noneMatch(v -> v.isBoolean() && !v.asBoolean());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRequiredPropertyIsDescribed(EventType type) throws IOException {
        JsonNode schema = JSON.readTree(Fixtures.resource(type.schemaResource()));
        List<JsonNode> objects = new ArrayList<>(schema.findParents("required"));

        for (JsonNode object : objects) {
            object.get("required").forEach(name ->
                    assertThat(object.path("properties").has(name.asText())).as(type + " " + name).isTrue());
        }
    }

    @Test
    void everySchemaFileBelongsToAnEventType() throws IOException {
        List<String> expected = Arrays.stream(EventType.values()).map(EventType::schemaResource).toList();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.map(f -> "schemas/" + f.getFileName())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void noSchemaDescribesMoneyAsAJsonNumber() throws IOException {
        for (EventType type : EventType.values()) {
            JsonNode schema = JSON.readTree(Fixtures.resource(type.schemaResource()));
            assertThat(schema.findValues("type")).as(type.toString())
                    .noneMatch(t -> t.asText().equals("number") || t.toString().contains("\"number\""));
        }
    }
}
