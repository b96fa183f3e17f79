package io.oms.order.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.events.order.OrderStatus;
import io.oms.order.status.StatusMachine;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;

/** The status machine's tables, read-only: transitions and the canonical channel status to OMS status mapping. */
@Path("/api/v1/status-mappings")
@Produces(MediaType.APPLICATION_JSON)
public class StatusMappingResource {

    private final StatusMachine machine;

    public StatusMappingResource(StatusMachine machine) {
        this.machine = machine;
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @jakarta.transaction.Transactional
    public ApiBodies.StatusMappings get() {
        return new ApiBodies.StatusMappings(
                Arrays.stream(OrderStatus.values()).map(Enum::name).toList(),
                machine.transitions().stream()
                        .map(t -> new ApiBodies.Transition(t.from().name(), t.to().name(), t.description())).toList(),
                machine.channelMappings().stream()
                        .map(m -> new ApiBodies.ChannelStatusMapping(m.channelStatus().name(),
                                m.omsStatus() == null ? null : m.omsStatus().name(), m.description())).toList());
    }
}
