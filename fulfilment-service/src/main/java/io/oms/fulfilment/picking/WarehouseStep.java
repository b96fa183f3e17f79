package io.oms.fulfilment.picking;

import io.oms.fulfilment.store.FulfilmentState;
import java.util.Map;
import java.util.Set;

/** A step an operator records in the warehouse, with the states it starts from and the state it leads to. */
public enum WarehouseStep {
    PICK(Set.of(FulfilmentState.OPEN), FulfilmentState.PICKED),
    PACK(Set.of(FulfilmentState.PICKED), FulfilmentState.PACKED);

    private final Set<FulfilmentState> from;
    private final FulfilmentState to;

    WarehouseStep(Set<FulfilmentState> from, FulfilmentState to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(FulfilmentState state) {
        return from.contains(state);
    }

    public Set<FulfilmentState> from() {
        return from;
    }

    public FulfilmentState to() {
        return to;
    }

    /** What a buyer's cancellation does in each state: before packing it cancels, after it needs an operator. */
    public static final Map<FulfilmentState, CancellationEffect> CANCELLATION = Map.of(
            FulfilmentState.OPEN, CancellationEffect.CANCEL,
            FulfilmentState.PICKED, CancellationEffect.CANCEL,
            FulfilmentState.PACKED, CancellationEffect.FLAG_FOR_OPERATOR,
            FulfilmentState.PARTIALLY_SHIPPED, CancellationEffect.FLAG_FOR_OPERATOR,
            FulfilmentState.SHIPPED, CancellationEffect.FLAG_FOR_OPERATOR,
            FulfilmentState.CANCELLED, CancellationEffect.NOTHING);

    public enum CancellationEffect {
        CANCEL,
        FLAG_FOR_OPERATOR,
        NOTHING
    }
}
