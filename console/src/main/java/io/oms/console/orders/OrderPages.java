package io.oms.console.orders;

import io.oms.console.auth.Access;
import io.oms.console.backend.ApiProblem;
import io.oms.console.backend.FulfilmentApi;
import io.oms.console.backend.OrderApi;
import io.oms.console.config.ConsoleConfig;
import io.oms.console.web.BulkRelease;
import io.oms.console.web.Outcome;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders: search and filter, detail (lines, addresses, money, status history, exceptions, shipments), release, cancel. */
@Path("/orders")
@Produces(MediaType.TEXT_HTML)
public class OrderPages {

    static final List<String> STATUSES = List.of("ON_HOLD", "NEW", "PARTIAL", "READY_FOR_PICKING", "PACKED", "READY_TO_SHIP", "IN_TRANSIT",
            "COMPLETED", "CANCEL_IN_PROCESS", "CANCELLED");

    private final OrderApi orders;
    private final FulfilmentApi fulfilment;
    private final Access access;
    private final ConsoleConfig config;
    private final Template list;
    private final Template detail;

    public OrderPages(@RestClient OrderApi orders, @RestClient FulfilmentApi fulfilment, Access access, ConsoleConfig config,
            @Location("orders/list.html") Template list, @Location("orders/detail.html") Template detail) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.access = access;
        this.config = config;
        this.list = list;
        this.detail = detail;
    }

    @GET
    public TemplateInstance orders(@RestQuery String channel, @RestQuery String shopId, @RestQuery String status, @RestQuery String q,
            @RestQuery String from, @RestQuery String to, @RestQuery Integer page) {
        int p = page == null || page < 0 ? 0 : page;
        Map<String, Object> found = orders.orders(blank(channel), blank(shopId), blank(status), blank(q), day(from), day(to), p, config.pageSize());
        Map<String, String> filter = new HashMap<>();
        filter.put("channel", channel == null ? "" : channel);
        filter.put("shopId", shopId == null ? "" : shopId);
        filter.put("status", status == null ? "" : status);
        filter.put("q", q == null ? "" : q);
        filter.put("from", from == null ? "" : from);
        filter.put("to", to == null ? "" : to);
        long total = ((Number) found.get("total")).longValue();
        return list.data("orders", found).data("filter", filter).data("statuses", STATUSES).data("page", p)
                .data("hasNext", (long) (p + 1) * config.pageSize() < total);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance order(@PathParam("id") String id) {
        Map<String, Object> order = orders.order(id);
        Object shipments;
        try {
            shipments = fulfilment.shipments(id).get("items");
        } catch (ApiProblem | ProcessingException e) {
            shipments = List.of();
        }
        return detail.data("order", order).data("shipments", shipments);
    }

    @POST
    @Path("/{id}/release")
    public Response release(@PathParam("id") String id) {
        requireOperate();
        String page = "/orders/" + id;
        return Outcome.run(page, () -> orders.release(id), o -> new Outcome.Redirect(page, "Released: the order is " + o.get("status") + " now"));
    }

    @POST
    @Path("/release")
    public Response releaseShop(@RestForm String channel, @RestForm String shopId) {
        requireOperate();
        String page = "/orders?status=ON_HOLD&channel=" + (channel == null ? "" : channel) + "&shopId=" + (shopId == null ? "" : shopId);
        Map<String, Object> body = new HashMap<>();
        body.put("channel", blank(channel));
        body.put("shopId", blank(shopId));
        Map<String, Object> before = heldOf(channel, shopId);
        return Outcome.run(page, () -> orders.releaseShop(body), r -> new Outcome.Redirect(page, BulkRelease.inWords(r.get("released"),
                items(before), ((Number) before.get("total")).longValue(), items(heldOf(channel, shopId)), o -> o.get("id"),
                o -> o.get("externalOrderNumber") != null ? o.get("externalOrderNumber") : o.get("externalOrderId"))));
    }

    private Map<String, Object> heldOf(String channel, String shopId) {
        return orders.orders(blank(channel), blank(shopId), "ON_HOLD", null, null, null, 0, BulkRelease.READ);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id, @RestForm String reason) {
        requireOperate();
        String page = "/orders/" + id;
        Map<String, Object> body = new HashMap<>();
        body.put("reason", blank(reason));
        return Outcome.run(page, () -> orders.cancel(id, body), o -> new Outcome.Redirect(page, "Cancelled: the order is " + o.get("status") + " now"));
    }

    /** A manual move to one of the statuses the machine allows next (READY_FOR_PICKING releases the order to the warehouse). */
    @POST
    @Path("/{id}/status")
    public Response move(@PathParam("id") String id, @RestForm String status) {
        requireOperate();
        String page = "/orders/" + id;
        Map<String, Object> body = new HashMap<>();
        body.put("status", blank(status));
        body.put("cause", "operator (console)");
        return Outcome.run(page, () -> orders.move(id, body), o -> new Outcome.Redirect(page, "The order is " + o.get("status") + " now"));
    }

    private void requireOperate() {
        if (!access.isOperate()) {
            throw new ForbiddenException("your role may not do this");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A date from the filter form as the start of that day in UTC. */
    private static String day(String value) {
        String v = blank(value);
        return v == null ? null : v.length() == 10 ? v + "T00:00:00Z" : v;
    }
}
