package io.oms.console.backend;

import io.oms.console.auth.BearerTokenForwarding;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** order-service's public REST API (its OpenAPI document is at /q/openapi). */
@Path("/api/v1")
@RegisterRestClient(configKey = "order-service")
@RegisterClientHeaders(BearerTokenForwarding.class)
@RegisterProvider(ProblemMapper.Orders.class)
public interface OrderApi {

    @GET
    @Path("/orders")
    Map<String, Object> orders(@QueryParam("channel") String channel, @QueryParam("shopId") String shopId, @QueryParam("status") String status,
            @QueryParam("q") String text, @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/orders/{id}")
    Map<String, Object> order(@PathParam("id") String id);

    @POST
    @Path("/orders/{id}/release")
    Map<String, Object> release(@PathParam("id") String id);

    /** Body {@code {"channel", "shopId"}}: every held order of the shop. */
    @POST
    @Path("/orders/release")
    Map<String, Object> releaseShop(Map<String, Object> body);

    /** Body {@code {"reason"}}. */
    @POST
    @Path("/orders/{id}/cancel")
    Map<String, Object> cancel(@PathParam("id") String id, Map<String, Object> body);

    /** Body {@code {"status", "cause"}}: an operator's move (e.g. release for picking). */
    @POST
    @Path("/orders/{id}/status")
    Map<String, Object> move(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/shop-settings/{channel}/{shopId}")
    Map<String, Object> shopSettings(@PathParam("channel") String channel, @PathParam("shopId") String shopId);

    /** Body {@code {"holdNewOrders"}}. */
    @PUT
    @Path("/shop-settings/{channel}/{shopId}")
    Map<String, Object> changeShopSettings(@PathParam("channel") String channel, @PathParam("shopId") String shopId, Map<String, Object> body);
}
