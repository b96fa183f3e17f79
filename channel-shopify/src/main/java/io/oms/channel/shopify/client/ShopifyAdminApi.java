package io.oms.channel.shopify.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Shopify's Admin API as the connector uses it: GraphQL only (REST Admin is legacy), plus the token endpoint of
 * the client-credentials grant. One client per base address ({@link ShopifyClient} builds them).
 */
@Path("/admin")
public interface ShopifyAdminApi {

    /** {@code {query, variables}}; a GraphQL answer is HTTP 200 even when it carries errors (Throttled, user errors). */
    @POST
    @Path("/api/{version}/graphql.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode graphql(@PathParam("version") String version, @HeaderParam("X-Shopify-Shop-Domain") String domain,
            @HeaderParam("X-Shopify-Access-Token") String accessToken, Map<String, Object> request);

    /** The client-credentials grant: {@code {access_token, scope, expires_in}}. */
    @POST
    @Path("/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode accessToken(@HeaderParam("X-Shopify-Shop-Domain") String domain, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret);
}
