package io.oms.inventory.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.inventory.warehouse.ChannelWarehouse;
import io.oms.inventory.warehouse.Warehouse;
import io.oms.inventory.warehouse.WarehouseService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WarehouseResource {

    public record WarehouseRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only") String code,
            @NotBlank @Size(max = 255) String name,
            boolean primary) {
    }

    public record WarehouseView(String code, String name, boolean primary) {
        static WarehouseView of(Warehouse warehouse) {
            return new WarehouseView(warehouse.code, warehouse.name, warehouse.primaryWarehouse);
        }
    }

    public record WarehouseList(List<WarehouseView> items, long total) {
    }

    public record MappingRequest(@NotBlank @Size(max = 64) String warehouseCode) {
    }

    public record MappingView(String channel, String shopId, String warehouseCode) {
        static MappingView of(ChannelWarehouse mapping) {
            return new MappingView(mapping.key.channel(), mapping.key.shopId(), mapping.warehouseCode);
        }
    }

    public record MappingList(List<MappingView> items, long total) {
    }

    private final WarehouseService warehouses;

    public WarehouseResource(WarehouseService warehouses) {
        this.warehouses = warehouses;
    }

    /** Creates a warehouse; the first one, or one created with {@code primary: true}, is primary. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/warehouses")
    public Response create(@Valid @NotNull WarehouseRequest body) {
        Warehouse warehouse = warehouses.create(body.code(), body.name().trim(), body.primary())
                .orElseThrow(() -> ApiException.conflict("a warehouse with the code '" + body.code() + "' exists", "code"));
        return Response.created(URI.create("/api/v1/warehouses/" + warehouse.code)).entity(WarehouseView.of(warehouse)).build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/warehouses")
    public WarehouseList list() {
        List<WarehouseView> all = warehouses.list().stream().map(WarehouseView::of).toList();
        return new WarehouseList(all, all.size());
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/warehouses/{code}")
    public WarehouseView get(@PathParam("code") String code) {
        return warehouses.find(code).map(WarehouseView::of)
                .orElseThrow(() -> ApiException.notFound("no warehouse has the code '" + code + "'", "code"));
    }

    /** Makes this warehouse the primary one (the one before stops being primary). */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/warehouses/{code}/primary")
    @Consumes(MediaType.WILDCARD)
    public WarehouseView markPrimary(@PathParam("code") String code) {
        return warehouses.markPrimary(code).map(WarehouseView::of)
                .orElseThrow(() -> ApiException.notFound("no warehouse has the code '" + code + "'", "code"));
    }

    /** The warehouse that feeds a shop; reservations for the shop's orders are made there. */
    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/channel-warehouses/{channel}/{shopId}")
    public MappingView mapShop(@PathParam("channel") String channel, @PathParam("shopId") String shopId, @Valid @NotNull MappingRequest body) {
        if (!channel.matches("[a-z][a-z0-9-]{0,31}")) {
            throw ApiException.badRequest("channel must be lower case, like etsy or shopify", "channel");
        }
        return warehouses.mapShop(channel, shopId, body.warehouseCode()).map(MappingView::of)
                .orElseThrow(() -> ApiException.notFound("no warehouse has the code '" + body.warehouseCode() + "'", "warehouseCode"));
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/channel-warehouses")
    public MappingList mappings() {
        List<MappingView> all = warehouses.mappings().stream().map(MappingView::of).toList();
        return new MappingList(all, all.size());
    }
}
