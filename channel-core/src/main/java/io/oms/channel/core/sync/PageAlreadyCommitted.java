package io.oms.channel.core.sync;

import java.util.UUID;

/**
 * A page's commit found the run's offset moved since the page was fetched: another holder of the shop (this replica
 * lost the lease while fetching, and the next holder continued the run) committed that page already. The commit is
 * rolled back (its events were published by the other holder) and this replica stops working the run; without this,
 * both commits would advance {@code page_offset} and the run would skip a page of orders.
 */
public final class PageAlreadyCommitted extends RuntimeException {

    public PageAlreadyCommitted(UUID runId, int expectedOffset) {
        super("run " + runId + " moved past offset " + expectedOffset + ": another replica committed this page");
    }
}
