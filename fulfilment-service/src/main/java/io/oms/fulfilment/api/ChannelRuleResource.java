package io.oms.fulfilment.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.fulfilment.store.ChannelShipmentRule;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** How each channel takes shipments (read-only: the rules are data from the migrations). */
@Path("/api/v1/channel-shipment-rules")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelRuleResource {

    public record RuleView(String channel, boolean wholeOrderOnly, Integer maxShipmentsPerOrder, String reason) {
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Transactional
    public Page<RuleView> list() {
        List<RuleView> items = ChannelShipmentRule.<ChannelShipmentRule>listAll(Sort.by("channel")).stream()
                .map(rule -> new RuleView(rule.channel, rule.wholeOrderOnly, rule.maxShipmentsPerOrder, rule.reason)).toList();
        return new Page<>(items, items.size());
    }
}
