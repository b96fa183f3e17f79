package io.oms.console.auth;

import io.oms.console.config.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Every call to a service API carries a bearer token: the logged-in operator's access token (OIDC web-app login), else
 * the configured service token ({@code oms.console.api-token}), else the console's own token from the client-credentials
 * grant ({@code quarkus.oidc-client}, when enabled), renewed before it expires.
 */
@ApplicationScoped
public class BearerTokenForwarding implements ClientHeadersFactory {

    private final Instance<CurrentIdentityAssociation> identities;
    private final ConsoleConfig config;
    private final Instance<OidcClient> serviceClient;
    private final boolean serviceClientEnabled;
    private Tokens serviceTokens;

    public BearerTokenForwarding(Instance<CurrentIdentityAssociation> identities, ConsoleConfig config, Instance<OidcClient> serviceClient,
            @ConfigProperty(name = "quarkus.oidc-client.client-enabled", defaultValue = "false") boolean serviceClientEnabled) {
        this.identities = identities;
        this.config = config;
        this.serviceClient = serviceClient;
        this.serviceClientEnabled = serviceClientEnabled;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        token().ifPresent(token -> headers.putSingle("Authorization", "Bearer " + token));
        return headers;
    }

    Optional<String> token() {
        if (identities.isResolvable()) {
            try {
                SecurityIdentity identity = identities.get().getIdentity();
                if (identity != null && !identity.isAnonymous()) {
                    AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
                    if (access != null && access.getToken() != null) {
                        return Optional.of(access.getToken());
                    }
                }
            } catch (RuntimeException noRequest) {
                // outside a request (no identity to forward)
            }
        }
        Optional<String> configured = config.apiToken().filter(t -> !t.isBlank());
        return configured.isPresent() ? configured : serviceToken();
    }

    /** The console's own access token, fetched once and again shortly before it expires. */
    synchronized Optional<String> serviceToken() {
        if (!serviceClientEnabled || !serviceClient.isResolvable()) {
            return Optional.empty();
        }
        if (serviceTokens == null || serviceTokens.isAccessTokenExpired() || serviceTokens.isAccessTokenWithinRefreshInterval()) {
            serviceTokens = serviceClient.get().getTokens().await().atMost(Duration.ofSeconds(15));
        }
        return Optional.ofNullable(serviceTokens.getAccessToken());
    }
}
