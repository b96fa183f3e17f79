package io.oms.inventory.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.inventory.api.ItemBodies.ItemList;
import io.oms.inventory.api.ItemBodies.ItemRequest;
import io.oms.inventory.api.ItemBodies.ItemView;
import io.oms.inventory.api.ItemBodies.NewItemRequest;
import io.oms.inventory.config.InventoryConfig;
import io.oms.inventory.importing.ItemImport;
import io.oms.inventory.item.Item;
import io.oms.inventory.item.ItemService;
import io.oms.inventory.stock.StockLedger;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("/api/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    private final ItemService items;
    private final StockLedger stock;
    private final InventoryConfig config;
    private final ItemImport itemImport;

    public ItemResource(ItemService items, StockLedger stock, InventoryConfig config, ItemImport itemImport) {
        this.items = items;
        this.stock = stock;
        this.config = config;
        this.itemImport = itemImport;
    }

    /** Creates or updates the item; 201 when created. */
    @RolesAllowed(Roles.OPERATOR)
    @PUT
    @Path("/{sku}")
    public Response put(@PathParam("sku") String rawSku, @Valid @NotNull ItemRequest body) {
        String sku = Skus.normalize(rawSku, "sku");
        ItemService.Saved saved = items.save(sku, body.toData());
        ItemView view = ItemView.of(saved.item(), stock.stockOf(sku));
        return saved.created() ? Response.created(URI.create("/api/v1/items/" + sku)).entity(view).build() : Response.ok(view).build();
    }

    /**
     * Bulk import of items and stock from CSV (header: sku,name,description,price,sellingPrice,currency,status,warehouse,onHand).
     * Answers the count of created, updated and refused rows and each row's outcome with the reason of a refusal.
     */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/import")
    @Consumes("text/csv")
    public ItemImport.Report importCsv(String csv) {
        try {
            return itemImport.importCsv(csv);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "header");
        }
    }

    /** Creates an item; a SKU that exists answers 409. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    public Response create(@Valid @NotNull NewItemRequest body) {
        String sku = Skus.normalize(body.sku(), "sku");
        Item item = items.create(sku, body.toData())
                .orElseThrow(() -> ApiException.conflict("an item with the SKU '" + sku + "' exists", "sku"));
        return Response.created(URI.create("/api/v1/items/" + sku)).entity(ItemView.of(item, stock.stockOf(sku))).build();
    }

    /** The item with its stock and availability per warehouse. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{sku}")
    public ItemView get(@PathParam("sku") String rawSku) {
        String sku = Skus.normalize(rawSku, "sku");
        Item item = items.find(sku).orElseThrow(() -> ApiException.notFound("no item has the SKU '" + sku + "'", "sku"));
        return ItemView.of(item, stock.stockOf(sku));
    }

    /** Items ordered by SKU, filtered by status, name prefix and SKU prefix; {@code page} counts from 0. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    public ItemList list(@QueryParam("status") String status, @QueryParam("name") String name, @QueryParam("sku") String sku,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Item.Status wanted = null;
        if (status != null && !status.isBlank()) {
            if (!status.matches("(?i)active|inactive")) {
                throw ApiException.badRequest("status must be active or inactive", "status");
            }
            wanted = ItemBodies.parseStatus(status);
        }
        Pages.Request request = Pages.of(page, size, config.api());
        ItemService.ItemPage found = items.list(wanted, name, sku, request.page(), request.size());
        return new ItemList(found.items().stream().map(item -> ItemView.of(item, stock.stockOf(item.sku))).toList(), found.total());
    }
}
