package io.oms.rest;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RoleHierarchyTest {

    private final RoleHierarchy defaults = new RoleHierarchy(names("oms-admin", "oms-operator", "oms-viewer"));
    private final RoleHierarchy renamed = new RoleHierarchy(names("/oms/admins", "/oms/operators", "/oms/viewers"));

    @Test
    void anAdminMayDoWhatOperatorsAndViewersMay() {
        assertThat(defaults.granted(Set.of("oms-admin"))).containsExactlyInAnyOrder(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER);
    }

    @Test
    void anOperatorMayReadButNotAdminister() {
        assertThat(defaults.granted(Set.of("oms-operator"))).containsExactlyInAnyOrder(Roles.OPERATOR, Roles.VIEWER);
    }

    @Test
    void aViewerOnlyReads() {
        assertThat(defaults.granted(Set.of("oms-viewer", "offline_access"))).containsExactly(Roles.VIEWER);
    }

    @Test
    void otherRolesGrantNothing() {
        assertThat(defaults.granted(Set.of("offline_access", "uma_authorization"))).isEmpty();
    }

    @Test
    void theProvidersOwnNamesGrantTheApiRoles() {
        assertThat(renamed.granted(Set.of("/oms/operators"))).containsExactlyInAnyOrder(Roles.OPERATOR, Roles.VIEWER);
        assertThat(renamed.granted(Set.of("/oms/viewers"))).containsExactly(Roles.VIEWER);
        assertThat(renamed.granted(Set.of("/oms/admins"))).contains(Roles.ADMIN);
    }

    private static RoleNames names(String admin, String operator, String viewer) {
        return new RoleNames() {
            @Override
            public String admin() {
                return admin;
            }

            @Override
            public String operator() {
                return operator;
            }

            @Override
            public String viewer() {
                return viewer;
            }
        };
    }
}
