package io.oms.console.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * What the operator may do, for the pages to offer only that. The roles are the APIs' own: {@code oms-admin} (everything,
 * connecting shops and changing their settings), {@code oms-operator} (day-to-day: syncs, releases, mapping, shipping),
 * {@code oms-viewer} (read only). While login is off nobody is known and everything is offered (the APIs decide).
 */
@RequestScoped
@Named("access")
public class Access {

    public static final String ADMIN = "oms-admin";
    public static final String OPERATOR = "oms-operator";

    private final SecurityIdentity identity;

    public Access(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** A user is logged in (roles are known). */
    public boolean isKnown() {
        return identity != null && !identity.isAnonymous();
    }

    public String getUser() {
        return isKnown() ? identity.getPrincipal().getName() : null;
    }

    /** Syncs, test connection, release, cancel, mapping, stock adjustments, shipping. */
    public boolean isOperate() {
        return !isKnown() || identity.hasRole(OPERATOR) || identity.hasRole(ADMIN);
    }

    /** Connecting shops, changing their settings, enabling and disabling them. */
    public boolean isAdmin() {
        return !isKnown() || identity.hasRole(ADMIN);
    }
}
