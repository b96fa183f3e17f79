package io.oms.console.backend;

import io.oms.console.auth.BearerTokenForwarding;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;

import java.util.Map;

/**
 * A connector's public REST API (channel-core's, the same for channel-etsy and channel-shopify). One client per channel
 * is built by {@link Channels}.
 */
@Path("/api/v1/shops")
@RegisterClientHeaders(BearerTokenForwarding.class)
public interface ChannelApi {

    @GET
    Map<String, Object> shops(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    Map<String, Object> shop(@PathParam("id") String id);

    /** Connect with credentials (Etsy: a refresh token; Shopify: an access token or client credentials). */
    @POST
    Map<String, Object> connect(Map<String, Object> body);

    @PATCH
    @Path("/{id}")
    Map<String, Object> change(@PathParam("id") String id, Map<String, Object> body);

    @POST
    @Path("/{id}/test-connection")
    Map<String, Object> testConnection(@PathParam("id") String id);

    /** Etsy: {@code {"name", "shopId", "keystring", "sharedSecret"}}; answers {@code authorizeUrl}. */
    @POST
    @Path("/oauth/authorize")
    Map<String, Object> authorize(Map<String, Object> body);

    @POST
    @Path("/{id}/oauth/authorize")
    Map<String, Object> reauthorize(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/oauth/callback")
    Map<String, Object> callback(@QueryParam("state") String state, @QueryParam("code") String code, @QueryParam("error") String error);

    /** Body {@code {"what": "orders", "from"?, "to"?}}. */
    @POST
    @Path("/{id}/sync")
    Map<String, Object> sync(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/{id}/sync-runs")
    Map<String, Object> syncRuns(@PathParam("id") String id, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/{id}/sync-runs/{runId}/retry")
    Map<String, Object> retry(@PathParam("id") String id, @PathParam("runId") String runId);

    @GET
    @Path("/{id}/held-orders")
    Map<String, Object> heldOrders(@PathParam("id") String id, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/{id}/held-orders/release")
    Map<String, Object> releaseHeld(@PathParam("id") String id);

    @GET
    @Path("/{id}/push-queue")
    Map<String, Object> pushQueue(@PathParam("id") String id);

    @POST
    @Path("/{id}/listings/discover")
    Map<String, Object> discover(@PathParam("id") String id);
}
