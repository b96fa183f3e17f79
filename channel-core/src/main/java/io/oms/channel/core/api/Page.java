package io.oms.channel.core.api;

import java.util.List;

/** A list answer: {@code {"items": [...], "total": N}}. */
public record Page<T>(List<T> items, long total) {
}
