package io.oms.channel.core.marketplace;

import java.time.Instant;

/**
 * Which orders to fetch. Either a cursor sync ({@code modifiedSince}) or a time frame of creation
 * ({@code createdFrom} to {@code createdTo}); the fields not used are null.
 */
public record OrderQuery(Instant modifiedSince, Instant createdFrom, Instant createdTo, int offset, int limit) {
}
