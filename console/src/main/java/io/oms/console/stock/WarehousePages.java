package io.oms.console.stock;

import io.oms.console.auth.Access;
import io.oms.console.backend.Channels;
import io.oms.console.backend.InventoryApi;
import io.oms.console.web.Outcome;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warehouses and the channel warehouse mapping: which warehouse feeds which channel shop (reservations for the shop's
 * orders are made there). inventory-service lets only an admin create a warehouse or change a mapping, so only an admin
 * is offered the forms.
 */
@Path("/stock/warehouses")
@Produces(MediaType.TEXT_HTML)
public class WarehousePages {

    private static final String PAGE = "/stock/warehouses";

    private final InventoryApi inventory;
    private final Channels channels;
    private final Access access;
    private final Template page;

    public WarehousePages(@RestClient InventoryApi inventory, Channels channels, Access access, @Location("stock/warehouses.html") Template page) {
        this.inventory = inventory;
        this.channels = channels;
        this.access = access;
        this.page = page;
    }

    /** Warehouses, mappings (with the shop's name when its connector knows it) and the connected shops to map. */
    @GET
    @SuppressWarnings("unchecked")
    public TemplateInstance warehouses() {
        Channels.AllShops all = channels.allShops();
        List<Map<String, Object>> shops = all.shops();
        List<String> unavailable = all.unavailable();
        Map<String, String> shopNames = new LinkedHashMap<>();
        for (Map<String, Object> shop : shops) {
            shopNames.put(shop.get("channel") + "/" + shop.get("externalShopId"), String.valueOf(shop.get("name")));
        }
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (Map<String, Object> mapping : (List<Map<String, Object>>) inventory.channelWarehouses().get("items")) {
            Map<String, Object> row = new LinkedHashMap<>(mapping);
            row.put("shopName", shopNames.getOrDefault(mapping.get("channel") + "/" + mapping.get("shopId"), ""));
            mappings.add(row);
        }
        return page.data("warehouses", inventory.warehouses().get("items")).data("mappings", mappings).data("shops", shops)
                .data("unavailable", unavailable);
    }

    /** {@code shop} is {@code channel/shopId} from the list of connected shops. */
    @POST
    @Path("/map")
    public Response map(@RestForm String shop, @RestForm String warehouseCode) {
        requireAdmin();
        String value = blank(shop);
        int slash = value == null ? -1 : value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return Outcome.refused(PAGE, "choose a shop", "shop");
        }
        String channel = value.substring(0, slash);
        String shopId = value.substring(slash + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("warehouseCode", blank(warehouseCode));
        return Outcome.run(PAGE, () -> inventory.mapShop(channel, shopId, body), mapping -> new Outcome.Redirect(PAGE,
                "Warehouse " + mapping.get("warehouseCode") + " feeds " + mapping.get("channel") + " shop " + mapping.get("shopId") + " now"));
    }

    @POST
    public Response create(@RestForm String code, @RestForm String name, @RestForm String primary) {
        requireAdmin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", blank(code));
        body.put("name", blank(name));
        body.put("primary", primary != null);
        return Outcome.run(PAGE, () -> inventory.createWarehouse(body), created -> new Outcome.Redirect(PAGE,
                "Warehouse " + created.get("code") + " created" + (Boolean.TRUE.equals(created.get("primary")) ? " (primary)" : "")));
    }

    private void requireAdmin() {
        if (!access.isAdmin()) {
            throw new ForbiddenException("your role may not do this");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
