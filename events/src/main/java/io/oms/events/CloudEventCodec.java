package io.oms.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Writes and reads CloudEvents 1.0 in Kafka binary mode: the attributes as {@code ce_*} headers, the payload
 * as the JSON value. Reading validates the value against the event's JSON Schema before it maps it to the
 * record, so a handler only ever sees a valid payload. Writing validates too: a payload that its own schema
 * refuses is a producer's bug, and it should fail in the producer's transaction, not in every consumer.
 *
 * <p>Thread-safe; build one and share it (loading the schemas takes a moment).
 */
public final class CloudEventCodec {

    private final ObjectMapper mapper;
    private final ObjectMapper publicMapper;
    private final SchemaValidator schemas;

    /** Loads all schemas once. */
    public CloudEventCodec() {
        this.mapper = newMapper();
        // Callers may reconfigure what they get; the codec's own mapper must not change under it.
        this.publicMapper = mapper.copy();
        this.schemas = new SchemaValidator();
    }

    /**
     * The configured mapper: Java time as RFC 3339 strings, BigDecimal as plain decimal strings ("12.50"),
     * unknown properties ignored (minor versions add optional fields). A copy: changing it does not change the codec.
     */
    public ObjectMapper mapper() {
        return publicMapper;
    }

    /** Headers {@code ce_specversion=1.0, ce_id, ce_source, ce_type, ce_time, ce_subject} (if not null), {@code content-type}. */
    public EncodedEvent encode(CloudEvent<?> event) {
        byte[] value = writeJson(event.data());
        String problems = schemas.problems(event.type(), new String(value, StandardCharsets.UTF_8));
        if (problems != null) {
            throw new IllegalArgumentException(event.type() + " payload does not match its schema: " + problems);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPECVERSION_1_0);
        headers.put(CloudEventHeaders.ID, event.id().toString());
        headers.put(CloudEventHeaders.SOURCE, event.source());
        headers.put(CloudEventHeaders.TYPE, event.type().ceType());
        headers.put(CloudEventHeaders.TIME, event.time().toString()); // ISO-8601 in UTC, a valid RFC 3339 date-time
        if (event.subject() != null) {
            headers.put(CloudEventHeaders.SUBJECT, event.subject());
        }
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return new EncodedEvent(Collections.unmodifiableMap(headers), value);
    }

    /** Reads a Kafka record's headers (the last value of each name, as UTF-8) and value. */
    public CloudEvent<?> decode(Headers headers, byte[] value) throws InvalidEventException {
        Map<String, String> texts = new LinkedHashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                texts.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return decode(texts, value);
    }

    public CloudEvent<?> decode(Map<String, String> headers, byte[] value) throws InvalidEventException {
        String specversion = required(headers, CloudEventHeaders.SPECVERSION);
        if (!CloudEventHeaders.SPECVERSION_1_0.equals(specversion)) {
            throw new InvalidEventException("unsupported " + CloudEventHeaders.SPECVERSION + " '" + specversion
                    + "', expected '1.0'");
        }
        String ceType = required(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.byCeType(ceType)
                .orElseThrow(() -> new InvalidEventException("unknown " + CloudEventHeaders.TYPE + " '" + ceType + "'"));
        UUID id = uuid(required(headers, CloudEventHeaders.ID));
        String source = required(headers, CloudEventHeaders.SOURCE);
        Instant time = instant(required(headers, CloudEventHeaders.TIME));
        checkContentType(headers.get(CloudEventHeaders.CONTENT_TYPE));
        Record data = read(type, value);
        return new CloudEvent<>(id, source, type, time, headers.get(CloudEventHeaders.SUBJECT), data);
    }

    /** Checks {@code json} against the schema of {@code type}, and nothing else. */
    public void validate(EventType type, byte[] json) throws InvalidEventException {
        parse(json);
        String problems = schemas.problems(type, new String(json, StandardCharsets.UTF_8));
        if (problems != null) {
            throw new InvalidEventException(problems);
        }
    }

    private Record read(EventType type, byte[] value) throws InvalidEventException {
        JsonNode tree = parse(value);
        String problems = schemas.problems(type, new String(value, StandardCharsets.UTF_8));
        if (problems != null) {
            throw new InvalidEventException(problems);
        }
        try {
            return mapper.treeToValue(tree, type.payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Schema-valid but not mappable means the schema and the record disagree: say so plainly.
            throw new InvalidEventException("valid against the schema but not readable as "
                    + type.payloadType().getSimpleName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private JsonNode parse(byte[] value) throws InvalidEventException {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("value is empty (a tombstone?): an event needs a JSON object");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(value);
        } catch (IOException e) {
            throw new InvalidEventException("value is not JSON: " + firstLine(e.getMessage()), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidEventException("value is not JSON: no content");
        }
        if (!tree.isObject()) {
            throw new InvalidEventException("value is not a JSON object but " + tree.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return tree;
    }

    private byte[] writeJson(Record data) {
        try {
            return mapper.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + data.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String required(Map<String, String> headers, String name) throws InvalidEventException {
        String value = headers == null ? null : headers.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing header " + name);
        }
        return value;
    }

    private static UUID uuid(String text) throws InvalidEventException {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(CloudEventHeaders.ID + " is not a UUID: '" + text + "'");
        }
    }

    private static Instant instant(String text) throws InvalidEventException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(CloudEventHeaders.TIME + " is not an RFC 3339 date-time: '" + text + "'");
        }
    }

    /** content-type may be absent (CloudEvents makes datacontenttype optional); when present it must be JSON. */
    private static void checkContentType(String contentType) throws InvalidEventException {
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(CloudEventHeaders.APPLICATION_JSON)) {
            throw new InvalidEventException("unsupported " + CloudEventHeaders.CONTENT_TYPE + " '" + contentType
                    + "', expected '" + CloudEventHeaders.APPLICATION_JSON + "'");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        // Money travels as decimal strings ("12.50"): no float on the wire, and the scale survives.
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }
}
