package io.oms.order.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.order.config.OrderConfig;
import io.oms.order.status.OrderCommands;
import io.oms.order.status.StatusChanges;
import io.oms.order.store.OrderQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderViews views;
    private final OrderCommands commands;
    private final OrderConfig config;

    public OrderResource(OrderViews views, OrderCommands commands, OrderConfig config) {
        this.views = views;
        this.commands = commands;
        this.config = config;
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    public ApiBodies.Page<ApiBodies.OrderSummary> list(@QueryParam("channel") String channel, @QueryParam("shopId") String shopId,
            @QueryParam("status") String status, @QueryParam("customerId") String customerId,
            @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo, @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @QueryParam("sort") String sort) {
        OrderQueries.OrderFilter filter = new OrderQueries.OrderFilter(blankToNull(channel), blankToNull(shopId), Paging.status(status),
                Paging.uuid("customerId", customerId), Paging.instant("createdFrom", createdFrom),
                Paging.instant("createdTo", createdTo), text);
        return views.orders(filter, page, Math.min(size, config.maxPageSize()), Paging.orderSort(sort));
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/rejected")
    public ApiBodies.Page<ApiBodies.RejectedSnapshot> rejected(@QueryParam("channel") String channel, @QueryParam("shopId") String shopId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return views.rejected(blankToNull(channel), blankToNull(shopId), page, size);
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    public ApiBodies.OrderDetail get(@PathParam("id") String id) {
        return views.order(Paging.pathId("order", id)).orElseThrow(() -> ApiProblem.notFound("order", id));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/release")
    public ApiBodies.OrderDetail release(@PathParam("id") String id) {
        UUID orderId = Paging.pathId("order", id);
        return answer(orderId, commands.release(orderId), "release");
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/release")
    public ApiBodies.Released releaseShop(@Valid @NotNull ApiBodies.ReleaseShopRequest request) {
        return new ApiBodies.Released(commands.releaseShop(request.channel(), request.shopId()));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/cancel")
    public ApiBodies.OrderDetail cancel(@PathParam("id") String id, ApiBodies.CancelRequest request) {
        UUID orderId = Paging.pathId("order", id);
        return answer(orderId, commands.cancel(orderId, request == null ? null : request.reason()), "cancel");
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/status")
    public ApiBodies.OrderDetail move(@PathParam("id") String id, @Valid @NotNull ApiBodies.StatusRequest request) {
        UUID orderId = Paging.pathId("order", id);
        return answer(orderId, commands.move(orderId, Paging.status(request.status()), request.cause()), "move");
    }

    private ApiBodies.OrderDetail answer(UUID orderId, Optional<StatusChanges.Outcome> outcome, String what) {
        StatusChanges.Outcome done = outcome.orElseThrow(() -> ApiProblem.notFound("order", orderId));
        if (done instanceof StatusChanges.Outcome.Forbidden forbidden) {
            throw ApiProblem.forbiddenTransition(
                    "cannot " + what + " an order in status " + forbidden.from() + " (to " + forbidden.to() + ")",
                    forbidden.allowed().stream().map(Enum::name).toList());
        }
        return views.order(orderId).orElseThrow(() -> ApiProblem.notFound("order", orderId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
