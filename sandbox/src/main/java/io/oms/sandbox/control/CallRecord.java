package io.oms.sandbox.control;

import java.time.Instant;

/** One marketplace call as the control API reports it. {@code path} is the path, or the GraphQL operation for Shopify. */
public record CallRecord(Instant time, String method, String path, String operation, int status, Integer cost) {
}
