package io.oms.fulfilment.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.fulfilment.Refusal;
import io.oms.fulfilment.documents.NumberRanges;
import io.oms.fulfilment.store.NumberRange;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/**
 * Document number ranges (delivery notes, invoices): the global one, and a shop's own under scope
 * {@code channel:shopId}, which then wins for that shop.
 */
@Path("/api/v1/number-ranges")
@Produces(MediaType.APPLICATION_JSON)
public class NumberRangeResource {

    private static final Set<String> KINDS = Set.of(NumberRanges.DELIVERY_NOTE, NumberRanges.INVOICE);

    public record NumberRangeView(String kind, String scope, String prefix, long nextNumber, int digits) {
        static NumberRangeView of(NumberRange range) {
            return new NumberRangeView(range.key.kind(), range.key.scope(), range.prefix, range.nextNumber, range.digits);
        }
    }

    /** @param nextNumber the number the next document gets; a range never goes back, so numbers stay unique */
    public record NumberRangeBody(@NotNull @Size(max = 50) String prefix, @NotNull @Positive Long nextNumber,
            @Min(1) @Max(18) Integer digits) {
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Transactional
    public Page<NumberRangeView> list() {
        List<NumberRangeView> items = NumberRange.<NumberRange>listAll(Sort.by("key.kind").and("key.scope")).stream()
                .map(NumberRangeView::of).toList();
        return new Page<>(items, items.size());
    }

    /** Creates or changes a range; scope is "global" or "{channel}:{shopId}". */
    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{kind}/{scope}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public NumberRangeView put(@PathParam("kind") String kind, @PathParam("scope") String scope, @Valid @NotNull NumberRangeBody body) {
        if (!KINDS.contains(kind)) {
            throw new ProblemException(Refusal.notFound("no number range kind '" + kind + "'; kinds: " + KINDS, "kind"));
        }
        NumberRange range = NumberRange.findById(new NumberRange.Key(kind, scope), LockModeType.PESSIMISTIC_WRITE);
        if (range == null) {
            range = new NumberRange();
            range.key = new NumberRange.Key(kind, scope);
            range.digits = 6;
        } else if (body.nextNumber() < range.nextNumber) {
            throw new ProblemException(Refusal.unprocessable("the range " + kind + "/" + scope + " is at " + range.nextNumber
                    + "; going back to " + body.nextNumber() + " would repeat numbers", "nextNumber"));
        }
        range.prefix = body.prefix();
        range.nextNumber = body.nextNumber();
        if (body.digits() != null) {
            range.digits = body.digits();
        }
        range.persist();
        return NumberRangeView.of(range);
    }
}
