package io.oms.console.auth;

import io.oms.console.config.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.util.Optional;

/**
 * Every call to a service API carries a bearer token: the logged-in operator's access token (OIDC web-app login), else
 * the configured service token ({@code oms.console.api-token}), else none (the APIs are open while OIDC is off).
 */
@ApplicationScoped
public class BearerTokenForwarding implements ClientHeadersFactory {

    private final Instance<CurrentIdentityAssociation> identities;
    private final ConsoleConfig config;

    public BearerTokenForwarding(Instance<CurrentIdentityAssociation> identities, ConsoleConfig config) {
        this.identities = identities;
        this.config = config;
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
        return config.apiToken().filter(t -> !t.isBlank());
    }
}
