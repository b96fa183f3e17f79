package io.oms.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A shop's id within its channel (Etsy shop_id, Shopify shop domain). Written as a plain JSON string. */
public record ShopId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ShopId {
        Objects.requireNonNull(value, "ShopId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ShopId must not be blank");
        }
    }

    public static ShopId of(String value) {
        return new ShopId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
