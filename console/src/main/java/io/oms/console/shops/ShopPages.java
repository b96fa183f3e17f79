package io.oms.console.shops;

import io.oms.console.auth.Access;
import io.oms.console.backend.ApiProblem;
import io.oms.console.backend.ChannelApi;
import io.oms.console.backend.Channels;
import io.oms.console.config.ConsoleConfig;
import io.oms.console.web.BulkRelease;
import io.oms.console.web.Outcome;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shops of every channel: health and last sync; connect (Etsy through OAuth, Shopify by token); test; sync; settings. */
@Path("/shops")
@Produces(MediaType.TEXT_HTML)
public class ShopPages {

    private final Channels channels;
    private final Access access;
    private final ConsoleConfig config;
    private final Template list;
    private final Template detail;
    private final Template runs;
    private final Template connect;

    public ShopPages(Channels channels, Access access, ConsoleConfig config, @Location("shops/list.html") Template list,
            @Location("shops/detail.html") Template detail, @Location("shops/runs.html") Template runs,
            @Location("shops/connect.html") Template connect) {
        this.channels = channels;
        this.access = access;
        this.config = config;
        this.list = list;
        this.detail = detail;
        this.runs = runs;
        this.connect = connect;
    }

    /** Every shop of every connector; a connector that does not answer is named, the others still shown. */
    @GET
    public TemplateInstance shops() {
        Channels.AllShops all = channels.allShops();
        return list.data("shops", all.shops()).data("unavailable", all.unavailable());
    }

    @GET
    @Path("/connect")
    public TemplateInstance connectPage() {
        return connect.instance();
    }

    /** Etsy: start the OAuth 2.0 flow at the connector and send the browser to the marketplace's consent page. */
    @POST
    @Path("/etsy/connect")
    public Response connectEtsy(@RestForm String name, @RestForm String shopId, @RestForm String keystring, @RestForm String sharedSecret) {
        requireAdmin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("shopId", shopId);
        body.put("keystring", keystring);
        body.put("sharedSecret", sharedSecret);
        try {
            Map<String, Object> started = channels.of("etsy").authorize(body);
            return Response.seeOther(URI.create((String) started.get("authorizeUrl"))).build();
        } catch (ApiProblem problem) {
            return Outcome.refused("/shops/connect", problem.inWords(), problem.field());
        }
    }

    /**
     * Where the marketplace sends the operator back (set {@code OMS_CHANNEL_OAUTH_REDIRECT_URI} of channel-etsy to this
     * address): the connector exchanges the code; a browser lands on the shop's page, a program gets the shop as JSON.
     */
    @GET
    @Path("/{channel}/oauth/callback")
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public Response callback(@PathParam("channel") String channel, @RestQuery String state, @RestQuery String code, @RestQuery String error,
            @HeaderParam("Accept") String accept) {
        boolean browser = accept != null && accept.contains("text/html");
        try {
            Map<String, Object> shop = channels.of(channel).callback(state, code, error);
            if (!browser) {
                return Response.ok(shop, MediaType.APPLICATION_JSON_TYPE).build();
            }
            return Outcome.to("/shops/" + channel + "/" + shop.get("id"), "ok", "Connected " + shop.get("name") + " (shop "
                    + shop.get("externalShopId") + ") through the marketplace's login");
        } catch (ApiProblem problem) {
            if (!browser) {
                return Response.status(problem.status()).type("application/problem+json")
                        .entity(Map.of("title", String.valueOf(problem.title()), "status", problem.status(), "detail",
                                String.valueOf(problem.detail()), "field", String.valueOf(problem.field())))
                        .build();
            }
            return Outcome.refused("/shops/connect", problem.inWords(), problem.field());
        }
    }

    /** Shopify: connect with the Admin API access token (or the app's client credentials). */
    @POST
    @Path("/shopify/connect")
    public Response connectShopify(@RestForm String name, @RestForm String domain, @RestForm String accessToken, @RestForm String apiSecret,
            @RestForm String clientId, @RestForm String clientSecret) {
        requireAdmin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("domain", domain);
        putIfGiven(body, "accessToken", accessToken);
        putIfGiven(body, "apiSecret", apiSecret);
        putIfGiven(body, "clientId", clientId);
        putIfGiven(body, "clientSecret", clientSecret);
        return Outcome.run("/shops/connect", () -> channels.of("shopify").connect(body),
                shop -> new Outcome.Redirect("/shops/shopify/" + shop.get("id"), "Connected " + shop.get("name") + " (" + shop.get("externalShopId") + ")"));
    }

    @GET
    @Path("/{channel}/{id}")
    public TemplateInstance shop(@PathParam("channel") String channel, @PathParam("id") String id) {
        ChannelApi api = channels.of(channel);
        Map<String, Object> shop = api.shop(id);
        Map<String, Object> held = api.heldOrders(id, 0, 20);
        Object queue = optional(() -> api.pushQueue(id).get("total"));
        return detail.data("channel", channel).data("shop", shop).data("held", held).data("pushQueue", queue)
                .data("runs", api.syncRuns(id, 0, 20)).data("refreshSeconds", config.refreshSeconds());
    }

    /** The run history alone: the shop page reloads it (htmx) while a run is pending or running. */
    @GET
    @Path("/{channel}/{id}/runs")
    public TemplateInstance runs(@PathParam("channel") String channel, @PathParam("id") String id) {
        return runs.data("channel", channel).data("shop", Map.of("id", id)).data("runs", channels.of(channel).syncRuns(id, 0, 20))
                .data("refreshSeconds", config.refreshSeconds());
    }

    @POST
    @Path("/{channel}/{id}/test-connection")
    public Response testConnection(@PathParam("channel") String channel, @PathParam("id") String id) {
        requireOperate();
        String page = "/shops/" + channel + "/" + id;
        try {
            Map<String, Object> answer = channels.of(channel).testConnection(id);
            if ("Connection: success".equals(answer.get("result"))) {
                return Outcome.to(page, "ok", "Connection: success" + (answer.get("connectedAs") == null ? "" : " (connected as " + answer.get("connectedAs") + ")"));
            }
            return Outcome.refused(page, answer.get("result") + ": " + answer.get("error"), null);
        } catch (ApiProblem problem) {
            return Outcome.refused(page, problem.inWords(), problem.field());
        }
    }

    /** A manual sync: now (since the cursor), or of a time frame ({@code from}, {@code to} as ISO instants or dates). */
    @POST
    @Path("/{channel}/{id}/sync")
    public Response sync(@PathParam("channel") String channel, @PathParam("id") String id, @RestForm String from, @RestForm String to) {
        requireOperate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("what", "orders");
        putIfGiven(body, "from", instant(from));
        putIfGiven(body, "to", instant(to));
        String page = "/shops/" + channel + "/" + id;
        return Outcome.run(page, () -> channels.of(channel).sync(id, body),
                run -> new Outcome.Redirect(page, "Sync started (run " + run.get("id") + "): its counts follow below"));
    }

    @POST
    @Path("/{channel}/{id}/sync-runs/{runId}/retry")
    public Response retry(@PathParam("channel") String channel, @PathParam("id") String id, @PathParam("runId") String runId) {
        requireOperate();
        String page = "/shops/" + channel + "/" + id;
        return Outcome.run(page, () -> channels.of(channel).retry(id, runId), run -> new Outcome.Redirect(page, "Run started again (run " + run.get("id") + ")"));
    }

    @POST
    @Path("/{channel}/{id}/held-orders/release")
    public Response releaseHeld(@PathParam("channel") String channel, @PathParam("id") String id) {
        requireOperate();
        String page = "/shops/" + channel + "/" + id;
        ChannelApi api = channels.of(channel);
        Map<String, Object> before = api.heldOrders(id, 0, BulkRelease.READ);
        return Outcome.run(page, () -> api.releaseHeld(id), r -> new Outcome.Redirect(page, BulkRelease.inWords(r.get("released"),
                held(before), ((Number) before.get("total")).longValue(), held(api.heldOrders(id, 0, BulkRelease.READ)),
                h -> h.get("externalOrderId"), h -> h.get("externalOrderId"))));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> held(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
    }

    /** Settings: active (enable/disable), sync interval, hold new orders, stock sync, warehouse. */
    @POST
    @Path("/{channel}/{id}/settings")
    public Response settings(@PathParam("channel") String channel, @PathParam("id") String id, @RestForm String active,
            @RestForm String syncIntervalSeconds, @RestForm String holdNewOrders, @RestForm String stockSync, @RestForm String warehouse) {
        requireAdmin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", "on".equals(active) || "true".equals(active));
        body.put("holdNewOrders", "on".equals(holdNewOrders) || "true".equals(holdNewOrders));
        body.put("stockSync", "on".equals(stockSync) || "true".equals(stockSync));
        if (syncIntervalSeconds != null && !syncIntervalSeconds.isBlank()) {
            try {
                body.put("syncIntervalSeconds", Long.parseLong(syncIntervalSeconds.trim()));
            } catch (NumberFormatException e) {
                return Outcome.refused("/shops/" + channel + "/" + id, "the sync interval is a number of seconds", "syncIntervalSeconds");
            }
        }
        putIfGiven(body, "warehouse", warehouse);
        String page = "/shops/" + channel + "/" + id;
        return Outcome.run(page, () -> channels.of(channel).change(id, body), shop -> new Outcome.Redirect(page, "Settings saved"));
    }

    /** Enable or disable a shop (its setting {@code active}). */
    @POST
    @Path("/{channel}/{id}/active")
    public Response active(@PathParam("channel") String channel, @PathParam("id") String id, @RestForm boolean active) {
        requireAdmin();
        String page = "/shops/" + channel + "/" + id;
        return Outcome.run(page, () -> channels.of(channel).change(id, Map.of("active", active)),
                shop -> new Outcome.Redirect(page, active ? "Shop enabled" : "Shop disabled"));
    }

    private static String instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() == 10) {
            return v + "T00:00:00Z"; // a date from <input type=date>
        }
        if (v.length() == 16) {
            return v + ":00Z"; // <input type=datetime-local>, taken as UTC
        }
        return v;
    }

    private static Object optional(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (ApiProblem | ProcessingException e) {
            return null;
        }
    }

    private static void putIfGiven(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.trim());
        }
    }

    private void requireOperate() {
        if (!access.isOperate()) {
            throw new ForbiddenException("your role may not do this");
        }
    }

    private void requireAdmin() {
        if (!access.isAdmin()) {
            throw new ForbiddenException("your role may not do this");
        }
    }
}
