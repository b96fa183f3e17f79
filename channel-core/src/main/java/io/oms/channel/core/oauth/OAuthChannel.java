package io.oms.channel.core.oauth;

import io.oms.channel.core.marketplace.ConnectRequest;
import io.oms.channel.core.marketplace.ConnectedShop;

/**
 * A channel that connects shops through the OAuth 2.0 authorization code flow with PKCE (a capability discovered
 * as a CDI bean). The core keeps the state and the verifier (encrypted, expiring) between the two steps.
 */
public interface OAuthChannel {

    /**
     * Checks the request's fields (everything but the authorization itself) and answers the marketplace's consent
     * page address for this state and S256 code challenge. Throws {@link io.oms.channel.core.marketplace.MarketplaceRefusal}
     * naming a missing field.
     */
    String authorizeUrl(ConnectRequest request, String state, String codeChallenge, String redirectUri);

    /**
     * Exchanges the code for tokens and checks the shop as {@code connect} does: the authorized account must own the
     * shop the request names (for a re-authentication: the shop already connected), else a refusal.
     */
    ConnectedShop completeAuthorization(ConnectRequest request, String code, String codeVerifier, String redirectUri);
}
