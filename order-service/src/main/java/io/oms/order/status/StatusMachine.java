package io.oms.order.status;

import io.oms.events.order.ChannelStatus;
import io.oms.events.order.OrderStatus;
import io.oms.order.store.ChannelStatusMappingEntity;
import io.oms.order.store.StatusTransitionEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OMS status machine, read from its tables ({@code status_transition}, {@code channel_status_mapping},
 * seeded by Flyway): which status may follow which, and which OMS status a canonical channel status asks for.
 * The tables are read once, on first use.
 */
@ApplicationScoped
public class StatusMachine {

    /** A row of the transition table. */
    public record Transition(OrderStatus from, OrderStatus to, String description) {
    }

    /** A row of the channel-status mapping. */
    public record ChannelMapping(ChannelStatus channelStatus, OrderStatus omsStatus, String description) {
    }

    private record Tables(List<Transition> transitions, Map<OrderStatus, Set<OrderStatus>> next,
            List<ChannelMapping> mappings, Map<ChannelStatus, OrderStatus> byChannelStatus) {
    }

    private volatile Tables tables;

    /** Whether the table allows {@code to} after {@code from}. */
    public boolean allows(OrderStatus from, OrderStatus to) {
        return allowedAfter(from).contains(to);
    }

    /** The statuses that may follow {@code from}, in declaration order. */
    public Set<OrderStatus> allowedAfter(OrderStatus from) {
        return tables().next().getOrDefault(from, EnumSet.noneOf(OrderStatus.class));
    }

    /** The OMS status a canonical channel status asks for, if any. */
    public Optional<OrderStatus> targetOf(ChannelStatus channelStatus) {
        return channelStatus == null ? Optional.empty() : Optional.ofNullable(tables().byChannelStatus().get(channelStatus));
    }

    public List<Transition> transitions() {
        return tables().transitions();
    }

    public List<ChannelMapping> channelMappings() {
        return tables().mappings();
    }

    private Tables tables() {
        Tables loaded = tables;
        if (loaded == null) {
            loaded = load();
            tables = loaded;
        }
        return loaded;
    }

    private static Tables load() {
        List<Transition> transitions = StatusTransitionEntity.<StatusTransitionEntity>listAll().stream()
                .map(row -> new Transition(OrderStatus.valueOf(row.key.fromStatus()), OrderStatus.valueOf(row.key.toStatus()), row.description))
                .sorted(Comparator.comparing(Transition::from).thenComparing(Transition::to))
                .toList();
        Map<OrderStatus, Set<OrderStatus>> next = new EnumMap<>(OrderStatus.class);
        for (Transition transition : transitions) {
            next.computeIfAbsent(transition.from(), from -> EnumSet.noneOf(OrderStatus.class)).add(transition.to());
        }
        List<ChannelMapping> mappings = ChannelStatusMappingEntity.<ChannelStatusMappingEntity>listAll().stream()
                .map(row -> new ChannelMapping(ChannelStatus.valueOf(row.channelStatus),
                        row.omsStatus == null ? null : OrderStatus.valueOf(row.omsStatus), row.description))
                .sorted(Comparator.comparing(ChannelMapping::channelStatus))
                .toList();
        Map<ChannelStatus, OrderStatus> byChannelStatus = new EnumMap<>(ChannelStatus.class);
        mappings.stream().filter(mapping -> mapping.omsStatus() != null)
                .forEach(mapping -> byChannelStatus.put(mapping.channelStatus(), mapping.omsStatus()));
        return new Tables(transitions, next, mappings, byChannelStatus);
    }
}
