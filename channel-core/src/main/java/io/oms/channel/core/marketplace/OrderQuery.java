package io.oms.channel.core.marketplace;

import java.time.Instant;

/**
 * Which orders to fetch. Either a cursor sync ({@code modifiedSince}) or a time frame of creation
 * ({@code createdFrom} to {@code createdTo}); the fields not used are null.
 *
 * @param after  where the previous page of the run ended, as that page's {@link OrderPage#next()} said (null for the
 *               first page, and for a run committed before positions were kept: then {@code offset} places the page)
 * @param offset how many orders the run has read so far
 */
public record OrderQuery(Instant modifiedSince, Instant createdFrom, Instant createdTo, String after, int offset, int limit) {
}
