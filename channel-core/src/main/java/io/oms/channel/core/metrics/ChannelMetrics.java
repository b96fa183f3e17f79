package io.oms.channel.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oms.channel.core.marketplace.MarketplaceChannel;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Per-shop metrics (tag {@code shop} = the marketplace's shop id, {@code channel} = etsy, shopify):
 * {@code oms_channel_orders_imported_total}, {@code oms_sync_lag_seconds} (now minus the order cursor),
 * {@code oms_channel_push_queue_depth}, {@code oms_channel_calls_total{outcome}} and
 * {@code oms_channel_rate_limited_total} (429 answers).
 */
@ApplicationScoped
public class ChannelMetrics {

    /** Outcomes of a marketplace call, as the {@code outcome} tag. */
    public enum Outcome { SUCCESS, CLIENT_ERROR, SERVER_ERROR, RATE_LIMITED, TIMEOUT, CIRCUIT_OPEN }

    private final MeterRegistry registry;
    private final String channel;
    private final Clock clock;
    private final ConcurrentHashMap<String, AtomicReference<Instant>> cursors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> depths = new ConcurrentHashMap<>();

    public ChannelMetrics(MeterRegistry registry, MarketplaceChannel channel, Clock clock) {
        this.registry = registry;
        this.channel = channel.channel().value();
        this.clock = clock;
    }

    public void call(String shop, Outcome outcome) {
        Counter.builder("oms_channel_calls_total").description("marketplace calls by outcome")
                .tags("channel", channel, "shop", shop, "outcome", outcome.name().toLowerCase()).register(registry).increment();
        if (outcome == Outcome.RATE_LIMITED) {
            Counter.builder("oms_channel_rate_limited_total").description("429 answers of the marketplace")
                    .tags("channel", channel, "shop", shop).register(registry).increment();
        }
    }

    public void ordersImported(String shop, int count) {
        if (count > 0) {
            Counter.builder("oms_channel_orders_imported_total").description("orders published as OrderImported")
                    .tags("channel", channel, "shop", shop).register(registry).increment(count);
        }
    }

    /** The shop's order cursor now; the lag gauge is now minus it, read at scrape time. */
    public void cursor(String shop, Instant cursor) {
        cursors.computeIfAbsent(shop, s -> {
            AtomicReference<Instant> ref = new AtomicReference<>();
            Gauge.builder("oms_sync_lag_seconds", ref, r -> r.get() == null ? Double.NaN
                            : Math.max(0, clock.instant().toEpochMilli() - r.get().toEpochMilli()) / 1000.0)
                    .description("now minus the shop's order cursor").tags("channel", channel, "shop", s).register(registry);
            return ref;
        }).set(cursor);
    }

    public void queueDepth(String shop, long depth) {
        depths.computeIfAbsent(shop, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("oms_channel_push_queue_depth", value, AtomicLong::get).description("listings waiting in the push queue")
                    .tags("channel", channel, "shop", s).register(registry);
            return value;
        }).set(depth);
    }
}
