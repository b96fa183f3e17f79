package io.oms.fulfilment.api;

import java.util.List;

/** A list answer: one page of items and how many match in all. */
public record Page<T>(List<T> items, long total) {
}
