package io.oms.order.store;

/** What the buyer chose on a line (size, colour). */
public record Variation(String name, String value) {
}
