package io.oms.channel.core.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.channel.core.lease.LeaseStore;
import io.oms.channel.core.marketplace.ConnectRequest;
import io.oms.channel.core.marketplace.ConnectionCheck;
import io.oms.channel.core.shop.ImportMode;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopService;
import io.oms.channel.core.shop.ShopSettings;
import io.oms.channel.core.shop.ShopStore;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shop connections: connect, list, read, change settings, test. */
@Path("/api/v1/shops")
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {

    private static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    private static final Duration MAX_INTERVAL = Duration.ofHours(4);

    private final ShopService shops;
    private final ShopStore store;
    private final LeaseStore leases;
    private final Clock clock;

    public ShopResource(ShopService shops, ShopStore store, LeaseStore leases, Clock clock) {
        this.shops = shops;
        this.store = store;
        this.leases = leases;
        this.clock = clock;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    public Response connect(Map<String, Object> body) {
        Shop shop = shops.connect(new ConnectRequest(body));
        return Response.status(Response.Status.CREATED).entity(ShopView.of(shop)).build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    public Page<ShopView> list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.badField("page", "page must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw ProblemException.badField("size", "size must be between 1 and 500");
        }
        List<Shop> items = store.list(page * size, size);
        Map<UUID, String> owners = leases.owners(items.stream().map(Shop::id).toList(), clock.instant());
        return new Page<>(items.stream().map(shop -> ShopView.of(shop, owners.get(shop.id()))).toList(), store.count());
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    public ShopView get(@PathParam("id") UUID id) {
        return withOwner(shops.get(id));
    }

    private ShopView withOwner(Shop shop) {
        return ShopView.of(shop, leases.owners(List.of(shop.id()), clock.instant()).get(shop.id()));
    }

    /** Settings (and the name): fields left out keep their value. */
    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("/{id}")
    public ShopView change(@PathParam("id") UUID id, SettingsChange change) {
        if (change == null) {
            throw ProblemException.badField("body", "a JSON object with the settings to change is required");
        }
        Shop shop = shops.get(id);
        return withOwner(shops.changeSettings(id, change.name(), merge(shop.settings(), change)));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/test-connection")
    public ConnectionAnswer testConnection(@PathParam("id") UUID id) {
        ConnectionCheck check = shops.testConnection(id);
        return check.success()
                ? new ConnectionAnswer("Connection: success", check.connectedAs(), null)
                : new ConnectionAnswer("Connection: failed", null, check.error());
    }

    private static ShopSettings merge(ShopSettings s, SettingsChange c) {
        Duration interval = s.syncInterval();
        if (c.syncIntervalSeconds() != null) {
            interval = Duration.ofSeconds(c.syncIntervalSeconds());
            if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
                throw ProblemException.badField("syncIntervalSeconds", "the order sync interval must be between 30 and 14400 seconds");
            }
        }
        ImportMode mode = s.importMode();
        if (c.importMode() != null) {
            mode = Arrays.stream(ImportMode.values()).filter(m -> m.name().equalsIgnoreCase(c.importMode())).findFirst()
                    .orElseThrow(() -> ProblemException.badField("importMode", "importMode is one of " + Arrays.toString(ImportMode.values())));
        }
        if (c.maxOrdersPerRun() != null && c.maxOrdersPerRun() < 0) {
            throw ProblemException.badField("maxOrdersPerRun", "maxOrdersPerRun must be 0 (all) or more");
        }
        return new ShopSettings(
                c.active() != null ? c.active() : s.active(),
                interval,
                mode,
                c.holdNewOrders() != null ? c.holdNewOrders() : s.holdNewOrders(),
                c.maxOrdersPerRun() != null ? c.maxOrdersPerRun() : s.maxOrdersPerRun(),
                c.skipOrderIds() != null ? c.skipOrderIds() : s.skipOrderIds(),
                c.stockSync() != null ? c.stockSync() : s.stockSync(),
                c.warehouse() != null ? c.warehouse() : s.warehouse(),
                c.location() != null ? (c.location().isBlank() ? null : c.location().trim()) : s.location());
    }

    /** Body of {@code PATCH /api/v1/shops/{id}}. */
    public record SettingsChange(
            String name,
            Boolean active,
            Long syncIntervalSeconds,
            String importMode,
            Boolean holdNewOrders,
            Integer maxOrdersPerRun,
            java.util.List<String> skipOrderIds,
            Boolean stockSync,
            String warehouse,
            String location) {
    }

    /** @param result "Connection: success" or "Connection: failed" */
    public record ConnectionAnswer(String result, String connectedAs, String error) {
    }
}
