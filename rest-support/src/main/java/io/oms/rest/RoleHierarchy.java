package io.oms.rest;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns the provider's roles into the API's roles: the configured names ({@link RoleNames}) grant {@link Roles}, and
 * each role grants those below it (admin, then operator, then viewer).
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    private final RoleNames names;

    public RoleHierarchy(RoleNames names) {
        this.names = names;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> granted = granted(identity.getRoles());
        if (identity.getRoles().containsAll(granted)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(granted).build());
    }

    /** The API roles that the given provider roles grant, the implied ones included. */
    public Set<String> granted(Set<String> providerRoles) {
        Set<String> granted = new LinkedHashSet<>();
        boolean admin = providerRoles.contains(names.admin()) || providerRoles.contains(Roles.ADMIN);
        boolean operator = admin || providerRoles.contains(names.operator()) || providerRoles.contains(Roles.OPERATOR);
        boolean viewer = operator || providerRoles.contains(names.viewer()) || providerRoles.contains(Roles.VIEWER);
        if (admin) {
            granted.add(Roles.ADMIN);
        }
        if (operator) {
            granted.add(Roles.OPERATOR);
        }
        if (viewer) {
            granted.add(Roles.VIEWER);
        }
        return granted;
    }
}
