package io.oms.channel.core.marketplace;

/**
 * The marketplace could not be reached or asked us to wait (server errors after retries, timeouts, an open
 * circuit, a spent rate limit): an outage, not a refusal. A push stays queued and is tried again later.
 */
public class MarketplaceUnavailable extends MarketplaceRefusal {

    public MarketplaceUnavailable(String message) {
        super(message);
    }
}
