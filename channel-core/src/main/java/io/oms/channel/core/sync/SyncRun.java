package io.oms.channel.core.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One order sync of one shop. A cursor run reads every order changed since {@code from}; a time-frame run
 * (manual, {@code to} set) reads the orders created between {@code from} and {@code to} and leaves the
 * cursor alone. {@code pageOffset}, {@code pageAfter} and {@code highWater} make a run resumable by whichever
 * replica holds the shop next.
 */
public record SyncRun(
        UUID id,
        UUID shopId,
        String what,
        Trigger trigger,
        Status status,
        Instant from,
        Instant to,
        int pageOffset,
        @JsonIgnore String pageAfter,
        Instant highWater,
        int imported,
        int skipped,
        int failed,
        String message,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<Failure> failures) {

    public boolean isTimeFrame() {
        return to != null;
    }

    /** RECHECK: the slower cycle that reads open orders again, for changes the cursor does not report (cancellations). */
    public enum Trigger { INITIAL, SCHEDULED, MANUAL, RECHECK }

    public enum Status { PENDING, RUNNING, SUCCEEDED, FAILED }

    /** A record the run could not import, with the marketplace's (or the mapping's) message. */
    public record Failure(String externalId, String message, Instant at) {
    }
}
