package io.oms.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON Schemas of every event, loaded once. Kept behind this class because the validator library
 * (networknt, on Jackson 3) is an implementation detail: nothing of it leaks into the API.
 */
final class SchemaValidator {

    /** Enough to act on; a badly broken document would otherwise give a reason as long as itself. */
    private static final int MAX_ERRORS_IN_REASON = 5;

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    SchemaValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                // date-time and friends are assertions here, not annotations: "yesterday" is no ce_time.
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        for (EventType type : EventType.values()) {
            try (InputStream in = resource(type.schemaResource())) {
                Schema schema = registry.getSchema(in, InputFormat.JSON);
                schema.initializeValidators(); // fail at start-up on a broken schema, not on the first record
                schemas.put(type, schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + type.schemaResource(), e);
            }
        }
    }

    /** The problems of {@code json} against the schema of {@code type}, as one reason, or null when it is valid. */
    String problems(EventType type, String json) {
        List<Error> errors = schemas.get(type).validate(json, InputFormat.JSON);
        if (errors.isEmpty()) {
            return null;
        }
        String shown = errors.stream().limit(MAX_ERRORS_IN_REASON).map(Error::toString).collect(Collectors.joining("; "));
        int more = errors.size() - MAX_ERRORS_IN_REASON;
        return more > 0 ? shown + "; and " + more + " more" : shown;
    }

    private static InputStream resource(String name) {
        InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("schema " + name + " is missing from the class path");
        }
        return in;
    }
}
