package io.oms.channel.core.marketplace;

/** The marketplace revoked the shop's authorization (a refresh token that no longer works): only the operator can fix it. */
public class ReauthenticationRequired extends MarketplaceRefusal {

    public ReauthenticationRequired(String message) {
        super(message);
    }
}
