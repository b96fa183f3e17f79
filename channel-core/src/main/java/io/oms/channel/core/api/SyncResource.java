package io.oms.channel.core.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.channel.core.sync.SyncRun;
import io.oms.channel.core.sync.SyncService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Manual and time-boxed syncs, and the run history. */
@Path("/api/v1/shops/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final SyncService syncs;
    private final Clock clock;

    public SyncResource(SyncService syncs, Clock clock) {
        this.syncs = syncs;
        this.clock = clock;
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/sync")
    public Response sync(@PathParam("id") UUID id, SyncRequest request) {
        String what = request == null || request.what() == null ? "orders" : request.what();
        if (!what.equals("orders")) {
            throw ProblemException.badField("what", "only \"orders\" can be synced yet");
        }
        Instant from = request == null ? null : request.from();
        Instant to = request == null ? null : request.to();
        if (from == null && to != null) {
            throw ProblemException.badField("from", "a time frame needs from");
        }
        if (from != null && to == null) {
            to = clock.instant();
        }
        if (from != null && !from.isBefore(to)) {
            throw ProblemException.badField("to", "to must be after from");
        }
        return Response.accepted(syncs.request(id, from, to)).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/sync-runs/{runId}/retry")
    public Response retry(@PathParam("id") UUID id, @PathParam("runId") UUID runId) {
        return Response.accepted(syncs.retry(id, runId)).build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/sync-runs")
    public Page<SyncRun> history(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.badField(page < 0 ? "page" : "size", "page must be 0 or more and size between 1 and 200");
        }
        return new Page<>(syncs.history(id, page * size, size), syncs.count(id));
    }

    /** @param what "orders" (listings are not synced yet) */
    public record SyncRequest(String what, Instant from, Instant to) {
    }
}
