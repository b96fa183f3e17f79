package io.oms.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** The channel's id of a sellable unit (Etsy listing or listing product, Shopify variant); not a SKU. Written as a plain JSON string. */
public record ListingId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ListingId {
        Objects.requireNonNull(value, "ListingId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ListingId must not be blank");
        }
    }

    public static ListingId of(String value) {
        return new ListingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
