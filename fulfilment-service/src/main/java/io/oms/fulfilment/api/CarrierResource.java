package io.oms.fulfilment.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.fulfilment.Refusal;
import io.oms.fulfilment.shipping.Carriers;
import io.oms.fulfilment.store.Carrier;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The carrier table: seeded with common carriers, extended by operators. */
@Path("/api/v1/carriers")
@Produces(MediaType.APPLICATION_JSON)
public class CarrierResource {

    private final Carriers carriers;

    public CarrierResource(Carriers carriers) {
        this.carriers = carriers;
    }

    public record CarrierView(String code, String name, String trackingUrlTemplate) {
        static CarrierView of(Carrier carrier) {
            return new CarrierView(carrier.code, carrier.name, carrier.trackingUrlTemplate);
        }
    }

    /** @param trackingUrlTemplate optional; {trackingNumber} in it is replaced by the shipment's number */
    public record CarrierBody(@NotBlank @Size(max = 200) String name, @Size(max = 500) String trackingUrlTemplate) {

        @AssertTrue(message = "must contain {trackingNumber}")
        public boolean isTrackingUrlTemplate() {
            return trackingUrlTemplate == null || trackingUrlTemplate.contains(Carrier.TRACKING_NUMBER);
        }
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Transactional
    public Page<CarrierView> list() {
        List<CarrierView> items = carriers.all().stream().map(CarrierView::of).toList();
        return new Page<>(items, items.size());
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{code}")
    @Transactional
    public CarrierView get(@PathParam("code") String code) {
        return carriers.find(code).map(CarrierView::of)
                .orElseThrow(() -> new ProblemException(Refusal.notFound("no carrier " + code, "code")));
    }

    /** Adds or changes a carrier. */
    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CarrierView put(@PathParam("code") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}", message = "lower-case letters, digits and '-'") String code,
            @Valid @NotNull CarrierBody body) {
        Carrier carrier = Carrier.findById(code.toLowerCase(Locale.ROOT));
        if (carrier == null) {
            carrier = new Carrier();
            carrier.code = code;
        }
        carrier.name = body.name();
        carrier.trackingUrlTemplate = body.trackingUrlTemplate();
        carrier.persist();
        return CarrierView.of(carrier);
    }
}
