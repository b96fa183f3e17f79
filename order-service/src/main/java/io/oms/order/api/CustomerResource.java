package io.oms.order.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final OrderViews views;

    public CustomerResource(OrderViews views) {
        this.views = views;
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    public ApiBodies.Page<ApiBodies.Customer> list(@QueryParam("email") String email, @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return views.customers(email == null || email.isBlank() ? null : email, text, page, size);
    }

    /** The customer with their orders, newest first (paged by page and size). */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    public ApiBodies.CustomerDetail get(@PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return views.customer(Paging.pathId("customer", id), page, size).orElseThrow(() -> ApiProblem.notFound("customer", id));
    }
}
