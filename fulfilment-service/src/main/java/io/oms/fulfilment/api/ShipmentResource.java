package io.oms.fulfilment.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.fulfilment.Refusal;
import io.oms.fulfilment.shipping.Shipments;
import io.oms.fulfilment.store.Shipment;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Shipping an order, and reading its shipments. Delivery is not marked here: the marketplace or carrier decides. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    private final Shipments shipments;

    public ShipmentResource(Shipments shipments) {
        this.shipments = shipments;
    }

    /** Ships the order (or some of its lines) and publishes ShipmentCreated. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/orders/{orderId}/shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response ship(@PathParam("orderId") String orderId, @Valid @NotNull ShipmentRequest request) {
        Shipment shipment = Responses.orProblem(shipments.ship(orderId, request.toCommand()));
        return Response.created(URI.create("/api/v1/shipments/" + shipment.id)).entity(ShipmentView.of(shipment)).build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/orders/{orderId}/shipments")
    @Transactional
    public Page<ShipmentView> ofOrder(@PathParam("orderId") String orderId) {
        List<ShipmentView> items = Shipment.<Shipment>list("orderId = ?1 order by shippedAt, deliveryNoteNumber", orderId)
                .stream().map(ShipmentView::of).toList();
        return new Page<>(items, items.size());
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/shipments/{id}")
    @Transactional
    public ShipmentView get(@PathParam("id") UUID id) {
        Shipment shipment = Shipment.findById(id);
        if (shipment == null) {
            throw new ProblemException(Refusal.notFound("no shipment " + id, "id"));
        }
        return ShipmentView.of(shipment);
    }
}
