package io.oms.channel.etsy.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The Etsy Open API v3 operations the connector uses (base URL: etsy.api-base-url). */
@Path("/v3")
@RegisterRestClient(configKey = "etsy")
@Produces(MediaType.APPLICATION_JSON)
public interface EtsyApi {

    /** Etsy's token endpoint, refresh_token grant: every refresh rotates the refresh token. */
    @POST
    @Path("/public/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    EtsyModel.Token refreshToken(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("refresh_token") String refreshToken);

    @GET
    @Path("/application/users/me")
    EtsyModel.Me getMe(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/application/shops/{shop_id}")
    EtsyModel.Shop getShop(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId);

    @GET
    @Path("/application/shops/{shop_id}/receipts")
    EtsyModel.Receipts getShopReceipts(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId,
            @QueryParam("min_last_modified") Long minLastModified,
            @QueryParam("min_created") Long minCreated,
            @QueryParam("max_created") Long maxCreated,
            @QueryParam("sort_on") String sortOn,
            @QueryParam("sort_order") String sortOrder,
            @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);
}
