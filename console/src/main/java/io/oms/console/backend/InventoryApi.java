package io.oms.console.backend;

import io.oms.console.auth.BearerTokenForwarding;
import jakarta.ws.rs.Consumes;
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

/** inventory-service's public REST API. */
@Path("/api/v1")
@RegisterRestClient(configKey = "inventory-service")
@RegisterClientHeaders(BearerTokenForwarding.class)
@RegisterProvider(ProblemMapper.Inventory.class)
public interface InventoryApi {

    @GET
    @Path("/items")
    Map<String, Object> items(@QueryParam("sku") String sku, @QueryParam("name") String name, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/items/{sku}")
    Map<String, Object> item(@PathParam("sku") String sku);

    @GET
    @Path("/warehouses")
    Map<String, Object> warehouses();

    /** Body {@code {"type", "sku", "warehouse", "quantity", "reason"}}. */
    @POST
    @Path("/stock/adjustments")
    Map<String, Object> adjust(Map<String, Object> body);

    @GET
    @Path("/unconfirmed-items")
    Map<String, Object> unconfirmed(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Body {@code {"sku"}}. */
    @POST
    @Path("/unconfirmed-items/{id}/map")
    Map<String, Object> map(@PathParam("id") long id, Map<String, Object> body);

    /** Body {@code {"sku"?, "name"?}}. */
    @POST
    @Path("/unconfirmed-items/{id}/create-item")
    Map<String, Object> createItem(@PathParam("id") long id, Map<String, Object> body);

    @GET
    @Path("/channel-warehouses")
    Map<String, Object> channelWarehouses();

    /** Body {@code {"warehouseCode"}}: the warehouse that feeds the channel's shop (inventory-service asks for an admin). */
    @PUT
    @Path("/channel-warehouses/{channel}/{shopId}")
    Map<String, Object> mapShop(@PathParam("channel") String channel, @PathParam("shopId") String shopId, Map<String, Object> body);

    /** Body {@code {"code", "name", "primary"}} (an admin's). */
    @POST
    @Path("/warehouses")
    Map<String, Object> createWarehouse(Map<String, Object> body);

    /**
     * The CSV import of items and stock; it answers when every row is done: {@code created}, {@code updated}, {@code refused}
     * and {@code rows} (line, sku, outcome, reason, field).
     */
    @POST
    @Path("/items/import")
    @Consumes("text/csv")
    Map<String, Object> importCsv(String csv);
}
