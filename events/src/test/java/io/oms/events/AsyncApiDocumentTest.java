package io.oms.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The AsyncAPI document is what outside teams read first: it must not drift from the code. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml");
    private static JsonNode asyncApi;

    @BeforeAll
    static void parse() throws IOException {
        asyncApi = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }

    @Test
    void documentIsAsyncApi3() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("info").path("title").asText()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTopicAndItsDeadLetterTopicIsAChannel(EventType type) {
        assertThat(addresses()).contains(type.topic(), type.dlqTopic());
    }

    @Test
    void everyChannelIsATopicOfTheContractOrItsDeadLetterTopic() {
        for (String address : addresses()) {
            String topic = address.endsWith(Topics.DLQ_SUFFIX)
                    ? address.substring(0, address.length() - Topics.DLQ_SUFFIX.length()) : address;
            assertThat(EventType.byTopic(topic)).as(address).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTopicsMessageNamesItsCeTypeKeyAndSchema(EventType type) {
        JsonNode message = messageOf(type);

        assertThat(message.findValues("const").stream().map(JsonNode::asText)).contains(type.ceType());
        assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
        assertThat(message.at("/payload/schema/$ref").asText())
                .isEqualTo("./src/main/resources/" + type.schemaResource());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTopicsCleanupPolicyMatchesTheEventType(EventType type) {
        JsonNode channel = channelOf(type);

        assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy").get(0).asText())
                .isEqualTo(type.compacted() ? "compact" : "delete");
    }

    @Test
    void cloudEventHeadersAreDescribed() {
        JsonNode headers = asyncApi.at("/components/schemas/cloudEventHeaders/properties");

        assertThat(fieldNames(headers)).contains("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
                "ce_subject", "content-type");
    }

    @Test
    void deadLetterReasonHeadersAreDescribed() {
        JsonNode headers = asyncApi.at("/components/schemas/deadLetterHeaders/properties");

        assertThat(fieldNames(headers)).containsExactlyInAnyOrder(DeadLetterHeaders.REASON,
                DeadLetterHeaders.SOURCE_TOPIC, DeadLetterHeaders.SOURCE_PARTITION, DeadLetterHeaders.SOURCE_OFFSET);
    }

    @Test
    void everyFileTheDocumentReferencesExists() {
        List<String> fileRefs = refs().stream().filter(ref -> !ref.startsWith("#")).toList();

        assertThat(fileRefs).hasSize(EventType.values().length);
        assertThat(fileRefs).allSatisfy(ref -> assertThat(DOCUMENT.resolveSibling(ref).normalize()).isRegularFile());
    }

    @Test
    void everyReferenceInsideTheDocumentResolves() {
        List<String> localRefs = refs().stream().filter(ref -> ref.startsWith("#")).toList();

        assertThat(localRefs).isNotEmpty();
        // JSON pointers escape "/" as "~1"; our names hold none, so at() reads them directly.
        assertThat(localRefs).allSatisfy(ref -> assertThat(asyncApi.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    private static Set<String> addresses() {
        return StreamSupport.stream(asyncApi.path("channels").spliterator(), false)
                .map(channel -> channel.path("address").asText())
                .collect(Collectors.toSet());
    }

    private static JsonNode messageOf(EventType type) {
        String ref = channelOf(type).path("messages").elements().next().path("$ref").asText();
        return asyncApi.at(ref.substring(1));
    }

    private static JsonNode channelOf(EventType type) {
        for (JsonNode channel : asyncApi.path("channels")) {
            if (channel.path("address").asText().equals(type.topic())) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + type.topic());
    }

    private static List<String> refs() {
        List<String> refs = new ArrayList<>();
        asyncApi.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        return refs;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
