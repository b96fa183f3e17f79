package io.oms.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the identity provider calls the three roles (a role or group found under {@code quarkus.oidc.roles.role-claim-path}). */
@ConfigMapping(prefix = "oms.security.roles")
public interface RoleNames {

    /** The provider's role or group that grants {@link Roles#ADMIN}. */
    @WithDefault(Roles.ADMIN)
    String admin();

    /** The provider's role or group that grants {@link Roles#OPERATOR}. */
    @WithDefault(Roles.OPERATOR)
    String operator();

    /** The provider's role or group that grants {@link Roles#VIEWER}. */
    @WithDefault(Roles.VIEWER)
    String viewer();
}
