package io.oms.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sales channel (marketplace), lower case: {@code etsy}, {@code shopify}.
 * A string rather than an enum so that a new channel is an additive change, not a v2 of every topic.
 */
public record Channel(@JsonValue String value) {

    /** Same pattern as the schemas: it is part of Kafka keys and ce_source paths. */
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");

    // After NAME: static fields initialise in order, and the constructor uses it.
    public static final Channel ETSY = new Channel("etsy");
    public static final Channel SHOPIFY = new Channel("shopify");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Channel {
        Objects.requireNonNull(value, "Channel value");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("channel must match " + NAME + ": '" + value + "'");
        }
    }

    public static Channel of(String value) {
        return new Channel(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
