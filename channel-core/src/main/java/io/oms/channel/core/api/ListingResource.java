package io.oms.channel.core.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.channel.core.listing.DraftListing;
import io.oms.channel.core.listing.ListingCommands;
import io.oms.channel.core.listing.ListingDiscovery;
import io.oms.channel.core.push.PushOutcome;
import jakarta.ws.rs.core.Response;
import io.oms.channel.core.listing.ListingStore;
import io.oms.channel.core.push.PushQueue;
import io.oms.channel.core.shipment.ShipmentPushes;
import io.oms.channel.core.shop.ShopService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A shop's listings (discovery on demand, duplicate SKUs), its push queue and its shipments, for the operator. */
@Path("/api/v1/shops/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ListingResource {

    private final ListingDiscovery discovery;
    private final ListingStore listings;
    private final PushQueue queue;
    private final ShipmentPushes shipments;
    private final ShopService shops;
    private final ListingCommands commands;

    public ListingResource(ListingDiscovery discovery, ListingStore listings, PushQueue queue, ShipmentPushes shipments, ShopService shops,
            ListingCommands commands) {
        this.commands = commands;
        this.discovery = discovery;
        this.listings = listings;
        this.queue = queue;
        this.shipments = shipments;
        this.shops = shops;
    }

    /** Reads every listing of the shop from the marketplace now, stores and publishes them. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/listings/discover")
    public ListingDiscovery.Summary discover(@PathParam("id") UUID id) {
        shops.get(id);
        if (!discovery.supported()) {
            throw new ProblemException(501, "Not implemented", "this channel does not discover listings", null);
        }
        return discovery.discover(id);
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/listings")
    public Page<ListingStore.ListedUnit> listings(@PathParam("id") UUID id) {
        shops.get(id);
        List<ListingStore.ListedUnit> units = listings.list(id);
        return new Page<>(units, units.size());
    }

    /** SKUs on more than one listing of the shop: reported, never merged, and their stock is not pushed. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/listings/duplicate-skus")
    public Page<ListingStore.DuplicateSku> duplicates(@PathParam("id") UUID id) {
        shops.get(id);
        List<ListingStore.DuplicateSku> duplicates = listings.duplicates(id);
        return new Page<>(duplicates, duplicates.size());
    }

    /** What waits to be pushed: the latest wanted quantity and price per SKU of each listing. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/push-queue")
    public Page<PushQueue.Queued> pushQueue(@PathParam("id") UUID id) {
        shops.get(id);
        List<PushQueue.Queued> rows = queue.list(id);
        return new Page<>(rows, rows.size());
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/shipments")
    public Page<ShipmentPushes.View> shipments(@PathParam("id") UUID id) {
        shops.get(id);
        List<ShipmentPushes.View> rows = shipments.list(id);
        return new Page<>(rows, rows.size());
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/listings/{listingId}/activate")
    public Map<String, Object> activate(@PathParam("id") UUID id, @PathParam("listingId") String listingId) {
        return answer(commands.setActive(id, listingId, true));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/listings/{listingId}/deactivate")
    public Map<String, Object> deactivate(@PathParam("id") UUID id, @PathParam("listingId") String listingId) {
        return answer(commands.setActive(id, listingId, false));
    }

    /** A draft listing made from an item: 201 with what the marketplace answered, or 422 with its refusal. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/listings")
    public Response createDraft(@PathParam("id") UUID id, DraftRequest body) {
        if (body == null) {
            throw ProblemException.badField("body", "a JSON object describing the listing is required");
        }
        require("title", body.title());
        require("description", body.description());
        require("whoMade", body.whoMade());
        require("whenMade", body.whenMade());
        if (body.price() == null || body.price().signum() <= 0) {
            throw ProblemException.badField("price", "price must be above zero");
        }
        if (body.quantity() == null || body.quantity() < 1) {
            throw ProblemException.badField("quantity", "quantity must be 1 or more");
        }
        if (body.taxonomyId() == null) {
            throw ProblemException.badField("taxonomyId", "taxonomyId is required");
        }
        PushOutcome outcome = commands.createDraft(id, new DraftListing(body.sku(), body.title(), body.description(), body.price(), body.quantity(),
                body.whoMade(), body.whenMade(), body.taxonomyId(), body.shippingProfileId(), body.imageIds()));
        return Response.status(201).entity(answer(outcome)).build();
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, field + " is required");
        }
    }

    /** The marketplace's refusal becomes 422 problem+json; a success answers what was done. */
    private static Map<String, Object> answer(PushOutcome outcome) {
        if (!outcome.success()) {
            throw new ProblemException(outcome.retryable() ? 503 : 422, "The marketplace refused the change", outcome.error(), null);
        }
        return Map.of("result", outcome.pushed());
    }

    /** Body of {@code POST /api/v1/shops/{id}/listings}. */
    public record DraftRequest(String sku, String title, String description, java.math.BigDecimal price, Integer quantity, String whoMade,
            String whenMade, Long taxonomyId, Long shippingProfileId, List<Long> imageIds) {
    }
}
