package io.oms.channel.core.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.channel.core.orders.HeldOrderStore;
import io.oms.channel.core.orders.HeldOrders;
import io.oms.channel.core.shop.ShopService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.UUID;

/** Orders held for manual release: list, release one, release all. */
@Path("/api/v1/shops/{id}/held-orders")
@Produces(MediaType.APPLICATION_JSON)
public class HeldOrderResource {

    private final HeldOrders held;
    private final HeldOrderStore store;
    private final ShopService shops;

    public HeldOrderResource(HeldOrders held, HeldOrderStore store, ShopService shops) {
        this.held = held;
        this.store = store;
        this.shops = shops;
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    public Page<HeldOrderStore.Held> list(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.badField("page", "page must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw ProblemException.badField("size", "size must be between 1 and 500");
        }
        shops.get(id);
        return new Page<>(store.list(id, page * size, size), store.count(id));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{externalOrderId}/release")
    public Map<String, Object> release(@PathParam("id") UUID id, @PathParam("externalOrderId") String externalOrderId) {
        return Map.of("released", 1, "published", held.release(id, externalOrderId));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/release")
    public Map<String, Object> releaseAll(@PathParam("id") UUID id) {
        return Map.of("released", held.releaseAll(id));
    }
}
