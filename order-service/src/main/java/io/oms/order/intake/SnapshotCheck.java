package io.oms.order.intake;

import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderImported;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Impossible snapshots, and the reason people read. The contract already refuses some (no lines, a negative
 * quantity: those reach the DLQ and {@link DeadLetteredSnapshots}); the checks are repeated here so that the
 * service never depends on every producer validating. The others pass the schema: two lines with one external
 * id (lines are matched by it), and a live order in which no line has a quantity (nothing to reserve or ship;
 * a cancelled or refunded snapshot with all lines at zero is a normal cancellation).
 */
final class SnapshotCheck {

    private SnapshotCheck() {
    }

    /** The reason the snapshot cannot become an order, or empty when it can. */
    static Optional<String> problemOf(OrderImported snapshot) {
        if (snapshot.lines().isEmpty()) {
            return Optional.of("no lines");
        }
        Set<String> lineIds = new HashSet<>();
        for (OrderImported.Line line : snapshot.lines()) {
            if (line.quantity() < 0) {
                return Optional.of("line " + line.externalLineId() + " has a negative quantity (" + line.quantity() + ")");
            }
            if (!lineIds.add(line.externalLineId())) {
                return Optional.of("line id " + line.externalLineId() + " appears twice");
            }
        }
        boolean cancelled = snapshot.channelStatus() == ChannelStatus.CANCELLED || snapshot.channelStatus() == ChannelStatus.REFUNDED;
        if (!cancelled && snapshot.lines().stream().allMatch(line -> line.quantity() == 0)) {
            return Optional.of("no line has a quantity above 0 in a " + snapshot.channelStatus() + " order");
        }
        if (snapshot.totals() == null || snapshot.totals().currency() == null) {
            return Optional.of("no currency");
        }
        return Optional.empty();
    }
}
