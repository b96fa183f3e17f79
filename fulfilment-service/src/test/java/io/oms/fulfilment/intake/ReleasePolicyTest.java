package io.oms.fulfilment.intake;

import io.oms.events.order.OrderStatus;
import io.oms.fulfilment.config.FulfilmentConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleasePolicyTest {

    @Test
    void newOrdersAreReleasedWhenAutoReleaseIsConfigured() {
        ReleasePolicy policy = new ReleasePolicy(config(true));

        assertThat(policy.reactionTo(OrderStatus.NEW)).isEqualTo(OrderReaction.RELEASE);
        assertThat(policy.reactionTo(OrderStatus.READY_FOR_PICKING)).isEqualTo(OrderReaction.RELEASE);
    }

    @Test
    void withoutAutoReleaseOnlyReadyForPickingReleases() {
        ReleasePolicy policy = new ReleasePolicy(config(false));

        assertThat(policy.table()).containsEntry(OrderStatus.NEW, OrderReaction.IGNORE)
                .containsEntry(OrderStatus.PARTIAL, OrderReaction.IGNORE)
                .containsEntry(OrderStatus.ON_HOLD, OrderReaction.IGNORE)
                .containsEntry(OrderStatus.READY_FOR_PICKING, OrderReaction.RELEASE)
                .containsEntry(OrderStatus.CANCEL_IN_PROCESS, OrderReaction.CANCEL)
                .containsEntry(OrderStatus.CANCELLED, OrderReaction.CANCEL);
    }

    private static FulfilmentConfig config(boolean releaseOnNew) {
        return new FulfilmentConfig() {
            @Override
            public boolean releaseOnNew() {
                return releaseOnNew;
            }

            @Override
            public String eventSource() {
                return "/fulfilment-service";
            }

            @Override
            public int maxPageSize() {
                return 200;
            }
        };
    }
}
