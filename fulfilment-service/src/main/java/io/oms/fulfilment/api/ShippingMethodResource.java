package io.oms.fulfilment.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.fulfilment.Refusal;
import io.oms.fulfilment.shipping.Carriers;
import io.oms.fulfilment.store.Carrier;
import io.oms.fulfilment.store.ShippingMethodMapping;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The mapping of a marketplace's shipping method to a carrier and its service, as editable data. */
@Path("/api/v1/shipping-methods")
@Produces(MediaType.APPLICATION_JSON)
public class ShippingMethodResource {

    private final Carriers carriers;

    public ShippingMethodResource(Carriers carriers) {
        this.carriers = carriers;
    }

    public record MappingView(String channel, String shippingMethod, String carrier, String service) {
        static MappingView of(ShippingMethodMapping mapping) {
            return new MappingView(mapping.key.channel(), mapping.key.shippingMethod(), mapping.carrierCode, mapping.service);
        }
    }

    /** @param carrier a carrier's code or name; @param service the carrier's product, for example "Paket" */
    public record MappingBody(@NotBlank @Size(max = 50) String carrier, @Size(max = 200) String service) {
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Transactional
    public Page<MappingView> list(@QueryParam("channel") String channel) {
        Sort order = Sort.by("key.channel").and("key.shippingMethod");
        List<ShippingMethodMapping> mappings = channel == null ? ShippingMethodMapping.listAll(order)
                : ShippingMethodMapping.list("key.channel", order, channel);
        List<MappingView> items = mappings.stream().map(MappingView::of).toList();
        return new Page<>(items, items.size());
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{channel}/{shippingMethod}")
    @Transactional
    public MappingView get(@PathParam("channel") String channel, @PathParam("shippingMethod") String shippingMethod) {
        ShippingMethodMapping mapping = ShippingMethodMapping.findById(new ShippingMethodMapping.Key(channel, shippingMethod));
        if (mapping == null) {
            throw new ProblemException(Refusal.notFound("no mapping for " + channel + " shipping method " + shippingMethod, "shippingMethod"));
        }
        return MappingView.of(mapping);
    }

    /** Maps the channel's shipping method to a carrier (which must exist) and service. */
    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{channel}/{shippingMethod}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public MappingView put(@PathParam("channel") String channel, @PathParam("shippingMethod") String shippingMethod,
            @Valid @NotNull MappingBody body) {
        Carrier carrier = carriers.find(body.carrier()).orElseThrow(() -> new ProblemException(Refusal.unprocessable(
                "unknown carrier '" + body.carrier() + "'; see GET /api/v1/carriers", "carrier")));
        ShippingMethodMapping.Key key = new ShippingMethodMapping.Key(channel, shippingMethod);
        ShippingMethodMapping mapping = ShippingMethodMapping.findById(key);
        if (mapping == null) {
            mapping = new ShippingMethodMapping();
            mapping.key = key;
        }
        mapping.carrierCode = carrier.code;
        mapping.service = body.service();
        mapping.persist();
        return MappingView.of(mapping);
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{channel}/{shippingMethod}")
    @Transactional
    public void delete(@PathParam("channel") String channel, @PathParam("shippingMethod") String shippingMethod) {
        if (!ShippingMethodMapping.deleteById(new ShippingMethodMapping.Key(channel, shippingMethod))) {
            throw new ProblemException(Refusal.notFound("no mapping for " + channel + " shipping method " + shippingMethod, "shippingMethod"));
        }
    }
}
