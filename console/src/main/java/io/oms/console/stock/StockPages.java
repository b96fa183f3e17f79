package io.oms.console.stock;

import io.oms.console.auth.Access;
import io.oms.console.backend.InventoryApi;
import io.oms.console.config.ConsoleConfig;
import io.oms.console.web.Outcome;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stock: unconfirmed channel items ("map to SKU", "create item"), items with availability per warehouse, adjustments. */
@Path("/stock")
@Produces(MediaType.TEXT_HTML)
public class StockPages {

    private final InventoryApi inventory;
    private final Access access;
    private final ConsoleConfig config;
    private final Template overview;
    private final Template item;

    public StockPages(@RestClient InventoryApi inventory, Access access, ConsoleConfig config, @Location("stock/overview.html") Template overview,
            @Location("stock/item.html") Template item) {
        this.inventory = inventory;
        this.access = access;
        this.config = config;
        this.overview = overview;
        this.item = item;
    }

    @GET
    public TemplateInstance stock(@RestQuery String sku, @RestQuery String name) {
        return overview.data("unconfirmed", inventory.unconfirmed(0, config.pageSize()))
                .data("items", inventory.items(blank(sku), blank(name), 0, config.pageSize()))
                .data("sku", sku == null ? "" : sku).data("name", name == null ? "" : name);
    }

    @GET
    @Path("/items/{sku}")
    public TemplateInstance item(@PathParam("sku") String sku) {
        return item.data("item", inventory.item(sku)).data("warehouses", inventory.warehouses().get("items"));
    }

    @POST
    @Path("/unconfirmed/{id}/map")
    public Response map(@PathParam("id") long id, @RestForm String sku) {
        requireOperate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", blank(sku));
        return Outcome.run("/stock", () -> inventory.map(id, body),
                listing -> new Outcome.Redirect("/stock", "Listing " + listing.get("listingId") + " (" + listing.get("title") + ") is mapped to " + listing.get("mappedSku")));
    }

    @POST
    @Path("/unconfirmed/{id}/create-item")
    public Response createItem(@PathParam("id") long id, @RestForm String sku, @RestForm String name) {
        requireOperate();
        Map<String, Object> body = new LinkedHashMap<>();
        if (blank(sku) != null) {
            body.put("sku", blank(sku));
        }
        if (blank(name) != null) {
            body.put("name", blank(name));
        }
        return Outcome.run("/stock", () -> inventory.createItem(id, body),
                created -> new Outcome.Redirect("/stock/items/" + created.get("sku"), "Item " + created.get("sku") + " created from the listing and mapped to it"));
    }

    /** A receipt (adds), correction (adds or takes away) or count (sets on hand). */
    @POST
    @Path("/items/{sku}/adjust")
    public Response adjust(@PathParam("sku") String sku, @RestForm String type, @RestForm String warehouse, @RestForm String quantity,
            @RestForm String reason) {
        requireOperate();
        String page = "/stock/items/" + sku;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", blank(type));
        body.put("sku", sku);
        body.put("warehouse", blank(warehouse));
        try {
            body.put("quantity", quantity == null ? null : Integer.parseInt(quantity.trim()));
        } catch (NumberFormatException e) {
            return Outcome.refused(page, "the quantity is a whole number", "quantity");
        }
        body.put("reason", blank(reason));
        return Outcome.run(page, () -> inventory.adjust(body), r -> new Outcome.Redirect(page, "Stock adjusted"));
    }

    private void requireOperate() {
        if (!access.isOperate()) {
            throw new ForbiddenException("your role may not do this");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
