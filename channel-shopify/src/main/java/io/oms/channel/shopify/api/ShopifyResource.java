package io.oms.channel.shopify.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.channel.shopify.orders.ShopifyStatusMapping;
import io.oms.channel.shopify.webhooks.PrivacyRequests;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Read-only views of what is Shopify's: the status mapping (DESIGN section 7) and the privacy requests received. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ShopifyResource {

    private final PrivacyRequests privacy;

    public ShopifyResource(PrivacyRequests privacy) {
        this.privacy = privacy;
    }

    /** Rows in order, first match wins: {cancelled, financial, fulfillment, status}. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/mappings/status")
    public List<Map<String, Object>> status() {
        return ShopifyStatusMapping.RULES.stream().map(r -> Map.<String, Object>of("cancelled", r.cancelled(),
                "financial", r.financial().stream().sorted().toList(), "fulfillment", r.fulfillment().stream().sorted().toList(),
                "status", r.status().name())).toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/privacy-requests")
    public Map<String, Object> privacyRequests(@QueryParam("shop") String shopDomain, @QueryParam("size") @DefaultValue("100") int size) {
        List<PrivacyRequests.Request> items = privacy.list(shopDomain, Math.max(1, Math.min(size, 500)));
        return Map.of("items", items, "total", items.size());
    }
}
