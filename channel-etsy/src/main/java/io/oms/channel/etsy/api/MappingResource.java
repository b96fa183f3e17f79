package io.oms.channel.etsy.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.channel.etsy.orders.EtsyStatusMapping;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.TreeMap;

/** The mapping tables, read-only (DESIGN section 7). */
@Path("/api/v1/mappings")
@Produces(MediaType.APPLICATION_JSON)
public class MappingResource {

    /** Etsy receipt status to channel status. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/status")
    public Map<String, String> status() {
        Map<String, String> mapping = new TreeMap<>();
        EtsyStatusMapping.BY_ETSY_STATUS.forEach((etsy, canonical) -> mapping.put(etsy, canonical.name()));
        return mapping;
    }
}
