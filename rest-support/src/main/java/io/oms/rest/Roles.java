package io.oms.rest;

/**
 * The roles of the REST APIs, as resources name them in {@code @RolesAllowed}. They form a hierarchy: an admin may do
 * everything an operator may, an operator everything a viewer may ({@link RoleHierarchy} adds the implied roles).
 * <ul>
 *   <li>{@link #ADMIN}: shops, marketplace credentials, mappings and configuration (warehouses, carriers, number ranges);</li>
 *   <li>{@link #OPERATOR}: day-to-day work on orders, stock, fulfilments, shipments and syncs;</li>
 *   <li>{@link #VIEWER}: reads.</li>
 * </ul>
 * What the identity provider calls these roles is configuration ({@link RoleNames}).
 */
public final class Roles {

    public static final String ADMIN = "oms-admin";
    public static final String OPERATOR = "oms-operator";
    public static final String VIEWER = "oms-viewer";

    private Roles() {
    }
}
