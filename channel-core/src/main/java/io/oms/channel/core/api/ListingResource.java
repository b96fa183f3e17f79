package io.oms.channel.core.api;

import io.oms.channel.core.listing.ListingDiscovery;
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

    public ListingResource(ListingDiscovery discovery, ListingStore listings, PushQueue queue, ShipmentPushes shipments, ShopService shops) {
        this.discovery = discovery;
        this.listings = listings;
        this.queue = queue;
        this.shipments = shipments;
        this.shops = shops;
    }

    /** Reads every listing of the shop from the marketplace now, stores and publishes them. */
    @POST
    @Path("/listings/discover")
    public ListingDiscovery.Summary discover(@PathParam("id") UUID id) {
        shops.get(id);
        if (!discovery.supported()) {
            throw new ProblemException(501, "Not implemented", "this channel does not discover listings", null);
        }
        return discovery.discover(id);
    }

    @GET
    @Path("/listings")
    public Page<ListingStore.ListedUnit> listings(@PathParam("id") UUID id) {
        shops.get(id);
        List<ListingStore.ListedUnit> units = listings.list(id);
        return new Page<>(units, units.size());
    }

    /** SKUs on more than one listing of the shop: reported, never merged, and their stock is not pushed. */
    @GET
    @Path("/listings/duplicate-skus")
    public Page<ListingStore.DuplicateSku> duplicates(@PathParam("id") UUID id) {
        shops.get(id);
        List<ListingStore.DuplicateSku> duplicates = listings.duplicates(id);
        return new Page<>(duplicates, duplicates.size());
    }

    /** What waits to be pushed: the latest wanted quantity and price per SKU of each listing. */
    @GET
    @Path("/push-queue")
    public Page<PushQueue.Queued> pushQueue(@PathParam("id") UUID id) {
        shops.get(id);
        List<PushQueue.Queued> rows = queue.list(id);
        return new Page<>(rows, rows.size());
    }

    @GET
    @Path("/shipments")
    public Page<ShipmentPushes.View> shipments(@PathParam("id") UUID id) {
        shops.get(id);
        List<ShipmentPushes.View> rows = shipments.list(id);
        return new Page<>(rows, rows.size());
    }
}
