package io.oms.console.backend;

import io.oms.console.auth.BearerTokenForwarding;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** fulfilment-service's public REST API. */
@Path("/api/v1")
@RegisterRestClient(configKey = "fulfilment-service")
@RegisterClientHeaders(BearerTokenForwarding.class)
@RegisterProvider(ProblemMapper.Fulfilment.class)
public interface FulfilmentApi {

    @GET
    @Path("/fulfilments")
    Map<String, Object> fulfilments(@QueryParam("state") String state, @QueryParam("orderId") String orderId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/fulfilments/{id}/pick")
    Map<String, Object> pick(@PathParam("id") String id);

    @POST
    @Path("/fulfilments/{id}/pack")
    Map<String, Object> pack(@PathParam("id") String id);

    /** Body {@code {"carrier", "trackingNumber", "trackingUrl"?, "lines"?}}. */
    @POST
    @Path("/orders/{orderId}/shipments")
    Map<String, Object> ship(@PathParam("orderId") String orderId, Map<String, Object> body);

    @GET
    @Path("/orders/{orderId}/shipments")
    Map<String, Object> shipments(@PathParam("orderId") String orderId);

    @GET
    @Path("/carriers")
    Map<String, Object> carriers();

    /** The carrier and service a channel's shipping method maps to; 404 when it is not mapped. */
    @GET
    @Path("/shipping-methods/{channel}/{shippingMethod}")
    Map<String, Object> shippingMethod(@PathParam("channel") String channel, @PathParam("shippingMethod") String shippingMethod);

    @GET
    @Path("/channel-shipment-rules")
    Map<String, Object> channelRules();

    @GET
    @Path("/shipments/{id}/delivery-note.pdf")
    @Produces("application/pdf")
    Response deliveryNote(@PathParam("id") String id);

    @GET
    @Path("/orders/{orderId}/invoice.pdf")
    @Produces("application/pdf")
    Response invoice(@PathParam("orderId") String orderId);
}
