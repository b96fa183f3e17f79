package io.oms.inventory.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.inventory.config.InventoryConfig;
import io.oms.inventory.item.ItemService;
import io.oms.inventory.listing.ChannelListing;
import io.oms.inventory.listing.ListingMapping;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ListingResource {

    public record ListingView(long id, String channel, String shopId, String listingId, String reportedSku, String title,
            BigDecimal price, String currency, int quantity, String mappedSku, String match, boolean duplicateSku) {
        static ListingView of(ChannelListing l) {
            return new ListingView(l.id, l.channel, l.shopId, l.listingId, l.reportedSku, l.title, l.price, l.currency, l.quantity,
                    l.mappedSku, l.matchKind.name().toLowerCase(Locale.ROOT), l.duplicateSku);
        }
    }

    public record ListingList(List<ListingView> items, long total) {
    }

    public record MapRequest(@NotBlank String sku) {
    }

    /** Both optional: the listing's SKU and title are used when absent. */
    public record CreateItemRequest(@Size(max = 255) String sku, @Size(max = 255) String name) {
    }

    public record CreatedItem(String sku, String name, BigDecimal price, String currency, ListingView listing) {
    }

    private final ListingMapping listings;
    private final ItemService items;
    private final InventoryConfig config;

    public ListingResource(ListingMapping listings, ItemService items, InventoryConfig config) {
        this.listings = listings;
        this.items = items;
        this.config = config;
    }

    /** Listings no item is known for yet, and listings of one shop that report the same SKU. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/unconfirmed-items")
    public ListingList unconfirmed(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Pages.Request request = Pages.of(page, size, config.api());
        return new ListingList(listings.open(request.page(), request.size()).stream().map(ListingView::of).toList(), listings.openCount());
    }

    /** An operator maps an unconfirmed listing to an existing item. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/unconfirmed-items/{id}/map")
    public ListingView map(@PathParam("id") long id, @Valid @NotNull MapRequest body) {
        String sku = Skus.normalize(body.sku(), "sku");
        if (items.find(sku).isEmpty()) {
            throw ApiException.notFound("no item has the SKU '" + sku + "'", "sku");
        }
        return listings.mapTo(id, sku).map(ListingView::of)
                .orElseThrow(() -> ApiException.notFound("no channel listing has the id " + id, "id"));
    }

    /** An operator creates the item an unconfirmed listing stands for; the listing is mapped to it. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/unconfirmed-items/{id}/create-item")
    public Response createItem(@PathParam("id") long id, @Valid CreateItemRequest body) {
        String sku = body == null || body.sku() == null ? null : Skus.normalize(body.sku(), "sku");
        String name = body == null || body.name() == null || body.name().isBlank() ? null : body.name().trim();
        ListingMapping.ItemFromListing outcome = listings.createItem(id, sku, name);
        if (outcome instanceof ListingMapping.ItemFromListing.Created created) {
            return Response.status(Response.Status.CREATED).entity(new CreatedItem(created.item().sku, created.item().name,
                    created.item().price, created.item().currency, ListingView.of(created.listing()))).build();
        }
        if (outcome instanceof ListingMapping.ItemFromListing.SkuTaken taken) {
            throw ApiException.conflict("an item with the SKU '" + taken.sku() + "' exists: map the listing to it instead", "sku");
        }
        if (outcome instanceof ListingMapping.ItemFromListing.NoSku) {
            throw ApiException.badRequest("the listing reports no SKU: give one", "sku");
        }
        if (outcome instanceof ListingMapping.ItemFromListing.NoPrice) {
            throw ApiException.badRequest("the listing has no price and currency", "id");
        }
        throw ApiException.notFound("no channel listing has the id " + id, "id");
    }

    /** Every listing of a shop with the item it maps to. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/channel-listings/{channel}/{shopId}")
    public ListingList ofShop(@PathParam("channel") String channel, @PathParam("shopId") String shopId) {
        List<ListingView> all = listings.ofShop(channel, shopId).stream().map(ListingView::of).toList();
        return new ListingList(all, all.size());
    }
}
