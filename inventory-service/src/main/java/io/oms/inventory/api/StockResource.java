package io.oms.inventory.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.events.inventory.ReservationResult;
import io.oms.inventory.api.ItemBodies.StockView;
import io.oms.inventory.config.InventoryConfig;
import io.oms.inventory.reservation.ReservationService;
import io.oms.inventory.stock.Adjustment;
import io.oms.inventory.stock.Adjustments;
import io.oms.inventory.stock.LedgerEntry;
import io.oms.inventory.stock.StockLedger;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    /** {@code type}: receipt (adds), correction (adds, negative takes away), count (sets on hand). */
    public record AdjustmentRequest(
            @NotNull @Pattern(regexp = "(?i)receipt|correction|count", message = "must be receipt, correction or count") String type,
            @NotBlank @Size(max = 255) String sku,
            @NotBlank @Size(max = 64) String warehouse,
            @NotNull Integer quantity,
            @Size(max = 500) String reason,
            @Size(max = 255) String reference) {
    }

    public record LedgerView(long id, String sku, String warehouseCode, String kind, int onHandDelta, int reservedDelta,
            int onHandAfter, int reservedAfter, String reason, String reference, Instant createdAt) {
        static LedgerView of(LedgerEntry e) {
            return new LedgerView(e.id, e.sku, e.warehouseCode, e.kind.name().toLowerCase(Locale.ROOT), e.onHandDelta, e.reservedDelta,
                    e.onHandAfter, e.reservedAfter, e.reason, e.reference, e.createdAt);
        }
    }

    public record AdjustmentView(LedgerView entry, StockView stock) {
    }

    public record LedgerList(List<LedgerView> items, long total) {
    }

    private final Adjustments adjustments;
    private final StockLedger ledger;
    private final ReservationService reservations;
    private final InventoryConfig config;

    public StockResource(Adjustments adjustments, StockLedger ledger, ReservationService reservations, InventoryConfig config) {
        this.adjustments = adjustments;
        this.ledger = ledger;
        this.reservations = reservations;
        this.config = config;
    }

    /** Applies a receipt, correction or count; a correction that would make on hand negative answers 409. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/stock/adjustments")
    public Response adjust(@Valid @NotNull AdjustmentRequest body) {
        Adjustment adjustment = new Adjustment(Adjustment.Kind.valueOf(body.type().toUpperCase(Locale.ROOT)),
                Skus.normalize(body.sku(), "sku"), body.warehouse().trim(), body.quantity(), body.reason(), body.reference());
        Adjustments.Outcome outcome = adjustments.apply(adjustment);
        if (outcome instanceof Adjustments.Refused refused) {
            throw refusal(refused);
        }
        Adjustments.Applied applied = (Adjustments.Applied) outcome;
        return Response.status(201).entity(new AdjustmentView(LedgerView.of(applied.entry()), StockView.of(applied.stock()))).build();
    }

    /** Every change of the SKU's stock, oldest first. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/stock/ledger")
    public LedgerList ledger(@QueryParam("sku") String rawSku, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        String sku = Skus.normalize(rawSku, "sku");
        Pages.Request request = Pages.of(page, size, config.api());
        return new LedgerList(ledger.ledger(sku, request.page(), request.size()).stream().map(LedgerView::of).toList(), ledger.ledgerSize(sku));
    }

    /** What inventory holds for an order: reserved and missing lines. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/reservations/{orderId}")
    public ReservationResult reservation(@PathParam("orderId") String orderId) {
        return reservations.current(orderId)
                .orElseThrow(() -> ApiException.notFound("no reservation for the order '" + orderId + "'", "orderId"));
    }

    static ApiException refusal(Adjustments.Refused refused) {
        return switch (refused.reason()) {
            case UNKNOWN -> ApiException.notFound(refused.detail(), refused.field());
            case INVALID -> ApiException.badRequest(refused.detail(), refused.field());
            case CONFLICT -> ApiException.conflict(refused.detail(), refused.field());
        };
    }
}
