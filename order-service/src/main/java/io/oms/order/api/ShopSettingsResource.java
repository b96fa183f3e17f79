package io.oms.order.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.order.status.OrderCommands;
import io.oms.order.store.ShopSettingsEntity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Per-shop settings of order-service. OrderImported carries no "hold" flag, so whether a shop's new
 * orders are held for manual release is set here.
 */
@Path("/api/v1/shop-settings/{channel}/{shopId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShopSettingsResource {

    private final OrderCommands commands;

    public ShopSettingsResource(OrderCommands commands) {
        this.commands = commands;
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @jakarta.transaction.Transactional
    public ApiBodies.ShopSettings get(@PathParam("channel") String channel, @PathParam("shopId") String shopId) {
        ShopSettingsEntity settings = ShopSettingsEntity.findById(new ShopSettingsEntity.Key(channel, shopId));
        return new ApiBodies.ShopSettings(channel, shopId, settings != null && settings.holdNewOrders);
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    public ApiBodies.ShopSettings put(@PathParam("channel") String channel, @PathParam("shopId") String shopId,
            @Valid @NotNull ApiBodies.ShopSettingsRequest request) {
        ShopSettingsEntity saved = commands.saveShopSettings(channel, shopId, request.holdNewOrders());
        return new ApiBodies.ShopSettings(channel, shopId, saved.holdNewOrders);
    }
}
