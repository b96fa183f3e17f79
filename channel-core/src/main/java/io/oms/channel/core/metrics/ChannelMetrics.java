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
 * {@code oms_channel_push_queue_depth}, {@code oms_channel_calls_total{outcome,status}},
 * {@code oms_channel_rate_limited_total} (429 / Throttled answers) and {@code oms_channel_shop_needs_reauthentication}
 * (1 while the shop must be connected again); per replica {@code oms_channel_shops_leased}. channel-core/README.md, "Metrics", describes them; {@link ShopGauges}
 * keeps the gauges of every shop in line with the database.
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
    private final ConcurrentHashMap<String, AtomicLong> reauthentication = new ConcurrentHashMap<>();

    /** The {@code status} tag of a call that got no HTTP answer (timeout, open circuit). */
    public static final String NO_ANSWER = "none";

    public ChannelMetrics(MeterRegistry registry, MarketplaceChannel channel, Clock clock) {
        this.registry = registry;
        this.channel = channel.channel().value();
        this.clock = clock;
    }

    /** A call without an HTTP answer (timeout, open circuit): {@code status} is {@value #NO_ANSWER}. */
    public void call(String shop, Outcome outcome) {
        call(shop, outcome, NO_ANSWER);
    }

    /**
     * One marketplace call (each retry is one).
     *
     * @param status the HTTP status of the answer ({@code "200"}, {@code "429"}, ...), or {@value #NO_ANSWER}; a
     *               GraphQL Throttled error comes with 200 and the outcome rate_limited
     */
    public void call(String shop, Outcome outcome, String status) {
        Counter.builder("oms_channel_calls_total").description("marketplace calls by outcome and HTTP status")
                .tags("channel", channel, "shop", shop, "outcome", outcome.name().toLowerCase(), "status", status).register(registry).increment();
        if (outcome == Outcome.RATE_LIMITED) {
            Counter.builder("oms_channel_rate_limited_total").description("429 / Throttled answers of the marketplace")
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

    /** Whether the shop must be connected again (ShopStatus NEEDS_REAUTHENTICATION): the gauge is 1, else 0. */
    public void needsReauthentication(String shop, boolean needed) {
        reauthentication.computeIfAbsent(shop, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("oms_channel_shop_needs_reauthentication", value, AtomicLong::get)
                    .description("1 while the marketplace refuses the shop's credentials").tags("channel", channel, "shop", s).register(registry);
            return value;
        }).set(needed ? 1 : 0);
    }

    /** The shop is not synced (inactive, or deleted): its lag is not reported, so it raises no alert. */
    public void noCursor(String shop) {
        AtomicReference<Instant> cursor = cursors.get(shop);
        if (cursor != null) {
            cursor.set(null);
        }
    }

    /** Shops whose push queue depth this replica reports. */
    public java.util.Set<String> queueDepthShops() {
        return java.util.Set.copyOf(depths.keySet());
    }

    public void queueDepth(String shop, long depth) {
        depths.computeIfAbsent(shop, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("oms_channel_push_queue_depth", value, AtomicLong::get).description("listings waiting in the push queue")
                    .tags("channel", channel, "shop", s).register(registry);
            return value;
        }).set(depth);
    }

    /**
     * {@code oms_channel_shops_leased}: shops this replica holds after its last lease tick (its fair share once the
     * replicas settled), read at scrape time. Held strongly: the supplier is a method reference nobody else keeps.
     */
    public void shopsLeased(java.util.function.IntSupplier held) {
        Gauge.builder("oms_channel_shops_leased", held, java.util.function.IntSupplier::getAsInt).strongReference(true)
                .description("shops whose lease this replica holds").tags("channel", channel).register(registry);
    }
}
