package io.oms.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A stock keeping unit: the OMS's item identity, shared with the marketplaces. Written as a plain JSON string. */
public record Sku(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Sku {
        Objects.requireNonNull(value, "Sku value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Sku must not be blank");
        }
    }

    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
