package io.oms.fulfilment.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.fulfilment.Refusal;
import io.oms.fulfilment.config.FulfilmentConfig;
import io.oms.fulfilment.picking.FulfilmentOrders;
import io.oms.fulfilment.picking.WarehouseStep;
import io.oms.fulfilment.store.FulfilmentOrder;
import io.oms.fulfilment.store.FulfilmentState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Fulfilment orders: list, read, and the warehouse's pick and pack steps. */
@Path("/api/v1/fulfilments")
@Produces(MediaType.APPLICATION_JSON)
public class FulfilmentResource {

    private final FulfilmentOrders orders;
    private final FulfilmentConfig config;

    public FulfilmentResource(FulfilmentOrders orders, FulfilmentConfig config) {
        this.orders = orders;
        this.config = config;
    }

    /** Newest first; every filter is optional. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Transactional
    public Page<FulfilmentView> list(@QueryParam("state") String state, @QueryParam("channel") String channel,
            @QueryParam("shopId") String shopId, @QueryParam("orderId") String orderId,
            @QueryParam("needsAttention") Boolean needsAttention,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (state != null) {
            where.add("state = :state");
            parameters.and("state", parseState(state));
        }
        if (channel != null) {
            where.add("channel = :channel");
            parameters.and("channel", channel);
        }
        if (shopId != null) {
            where.add("shopId = :shopId");
            parameters.and("shopId", shopId);
        }
        if (orderId != null) {
            where.add("orderId = :orderId");
            parameters.and("orderId", orderId);
        }
        if (needsAttention != null) {
            where.add("needsAttention = :needsAttention");
            parameters.and("needsAttention", needsAttention);
        }
        Sort newestFirst = Sort.descending("createdAt").and("id");
        PanacheQuery<FulfilmentOrder> query = where.isEmpty()
                ? FulfilmentOrder.findAll(newestFirst)
                : FulfilmentOrder.find(String.join(" and ", where), newestFirst, parameters);
        List<FulfilmentView> items = query.page(page, Math.min(size, config.maxPageSize())).list().stream()
                .map(FulfilmentView::of).toList();
        return new Page<>(items, query.count());
    }

    private static FulfilmentState parseState(String state) {
        try {
            return FulfilmentState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(new Refusal(400, "Invalid request", "state must be one of "
                    + java.util.Arrays.toString(FulfilmentState.values()), "state"));
        }
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    @Transactional
    public FulfilmentView get(@PathParam("id") UUID id) {
        FulfilmentOrder order = FulfilmentOrder.findById(id);
        if (order == null) {
            throw new ProblemException(Refusal.notFound("no fulfilment " + id, "id"));
        }
        return FulfilmentView.of(order);
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/pick")
    @Transactional
    public FulfilmentView pick(@PathParam("id") UUID id) {
        return FulfilmentView.of(Responses.orProblem(orders.record(id, WarehouseStep.PICK)));
    }

    /** @param note what the operator did, for the log */
    public record ResolveBody(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String note) {
    }

    /** Clears the operator flag (set by a cancellation after packing) once an operator dealt with it. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/resolve-attention")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public FulfilmentView resolveAttention(@PathParam("id") UUID id, @jakarta.validation.Valid @jakarta.validation.constraints.NotNull ResolveBody body) {
        return FulfilmentView.of(Responses.orProblem(orders.resolveAttention(id, body.note())));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/pack")
    @Transactional
    public FulfilmentView pack(@PathParam("id") UUID id) {
        return FulfilmentView.of(Responses.orProblem(orders.record(id, WarehouseStep.PACK)));
    }
}
