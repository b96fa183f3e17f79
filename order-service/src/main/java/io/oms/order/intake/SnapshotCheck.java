package io.oms.order.intake;

import io.oms.events.order.OrderImported;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Schema-valid but impossible snapshots: what makes one, as a reason for people. */
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
        if (snapshot.totals() == null || snapshot.totals().currency() == null) {
            return Optional.of("no currency");
        }
        return Optional.empty();
    }
}
