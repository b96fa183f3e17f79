package io.oms.console.fulfilment;

import io.oms.console.auth.Access;
import io.oms.console.backend.ApiProblem;
import io.oms.console.backend.FulfilmentApi;
import io.oms.console.backend.OrderApi;
import io.oms.console.config.ConsoleConfig;
import io.oms.console.web.Outcome;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fulfilment: orders to pick, pick/pack, ship with carrier and tracking (the channel's shipment rule shown first), documents. */
@Path("/fulfilment")
@Produces(MediaType.TEXT_HTML)
public class FulfilmentPages {

    static final List<String> STATES = List.of("OPEN", "PICKED", "PACKED", "PARTIALLY_SHIPPED", "SHIPPED", "CANCELLED");

    private final FulfilmentApi fulfilment;
    private final OrderApi orders;
    private final Access access;
    private final ConsoleConfig config;
    private final Template list;
    private final Template ship;

    public FulfilmentPages(@RestClient FulfilmentApi fulfilment, @RestClient OrderApi orders, Access access, ConsoleConfig config,
            @Location("fulfilment/list.html") Template list, @Location("fulfilment/ship.html") Template ship) {
        this.fulfilment = fulfilment;
        this.orders = orders;
        this.access = access;
        this.config = config;
        this.list = list;
        this.ship = ship;
    }

    @GET
    public TemplateInstance fulfilments(@RestQuery String state) {
        String s = state == null || state.isBlank() ? null : state;
        return list.data("fulfilments", fulfilment.fulfilments(s, null, 0, config.pageSize())).data("state", s == null ? "" : s)
                .data("states", STATES);
    }

    @POST
    @Path("/{id}/pick")
    public Response pick(@PathParam("id") String id) {
        requireOperate();
        return Outcome.run("/fulfilment", () -> fulfilment.pick(id), f -> new Outcome.Redirect("/fulfilment", "Picked: " + f.get("externalOrderId")));
    }

    @POST
    @Path("/{id}/pack")
    public Response pack(@PathParam("id") String id) {
        requireOperate();
        return Outcome.run("/fulfilment", () -> fulfilment.pack(id), f -> new Outcome.Redirect("/fulfilment", "Packed: " + f.get("externalOrderId")));
    }

    /** The ship form: the order's lines still to ship, the carriers, and the rule of the order's channel (Etsy: one shipment). */
    @GET
    @Path("/orders/{orderId}/ship")
    @SuppressWarnings("unchecked")
    public TemplateInstance shipForm(@PathParam("orderId") String orderId) {
        Map<String, Object> order = orders.order(orderId);
        List<Map<String, Object>> found = (List<Map<String, Object>>) fulfilment.fulfilments(null, orderId, 0, 5).get("items");
        Map<String, Object> rule = ((List<Map<String, Object>>) fulfilment.channelRules().get("items")).stream()
                .filter(r -> String.valueOf(r.get("channel")).equals(order.get("channel"))).findFirst().orElse(null);
        List<Map<String, Object>> carriers = (List<Map<String, Object>>) fulfilment.carriers().get("items");
        return ship.data("order", order).data("fulfilment", found.isEmpty() ? null : found.get(0)).data("rule", rule)
                .data("carriers", carriers).data("carrierChoice", carrierFor(order, carriers));
    }

    /** The carrier of the order's shipping method; a method fulfilment-service does not map (404) is matched by name. */
    private CarrierChoice carrierFor(Map<String, Object> order, List<Map<String, Object>> carriers) {
        Object method = order.get("shippingMethod");
        if (method == null || method.toString().isBlank()) {
            return CarrierChoice.NONE;
        }
        Map<String, Object> mapping = null;
        try {
            mapping = fulfilment.shippingMethod(String.valueOf(order.get("channel")), method.toString());
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        return CarrierChoice.of(method.toString(), mapping, carriers);
    }

    /**
     * Ships: {@code carrier}, {@code trackingNumber}, optional {@code trackingUrl}; {@code qty.<externalLineId>} per line
     * when the channel takes partial shipments (left out: everything still to ship).
     */
    @POST
    @Path("/orders/{orderId}/ship")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ship(@PathParam("orderId") String orderId, MultivaluedMap<String, String> form) {
        requireOperate();
        Map<String, Object> body = new LinkedHashMap<>();
        putIfGiven(body, "carrier", form.getFirst("carrier"));
        putIfGiven(body, "trackingNumber", form.getFirst("trackingNumber"));
        putIfGiven(body, "trackingUrl", form.getFirst("trackingUrl"));
        String back = "/fulfilment/orders/" + orderId + "/ship";
        List<Map<String, Object>> lines = new ArrayList<>();
        boolean partial = false;
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (field.getKey().startsWith("qty.") && field.getValue() != null && !field.getValue().isEmpty() && !field.getValue().get(0).isBlank()) {
                String lineId = field.getKey().substring(4);
                int quantity;
                try {
                    quantity = Integer.parseInt(field.getValue().get(0).trim());
                } catch (NumberFormatException e) {
                    return Outcome.refused(back, "the quantity of line " + lineId + " is a whole number", field.getKey());
                }
                String left = form.getFirst("left." + lineId);
                partial |= left == null || !left.equals(String.valueOf(quantity));
                if (quantity > 0) {
                    lines.add(Map.of("externalLineId", lineId, "quantity", quantity));
                }
            }
        }
        if (partial) {
            body.put("lines", lines);
        }
        return Outcome.run(back, () -> fulfilment.ship(orderId, body), shipment -> new Outcome.Redirect("/orders/" + orderId,
                "Shipped with " + shipment.get("carrier") + ", tracking " + shipment.get("trackingNumber")
                        + (shipment.get("deliveryNoteNumber") == null ? "" : ", delivery note " + shipment.get("deliveryNoteNumber"))));
    }

    @GET
    @Path("/shipments/{id}/delivery-note.pdf")
    @Produces("application/pdf")
    public Response deliveryNote(@PathParam("id") String id) {
        return pdf(fulfilment.deliveryNote(id), "delivery-note-" + id + ".pdf");
    }

    @GET
    @Path("/orders/{orderId}/invoice.pdf")
    @Produces("application/pdf")
    public Response invoice(@PathParam("orderId") String orderId) {
        return pdf(fulfilment.invoice(orderId), "invoice-" + orderId + ".pdf");
    }

    private static Response pdf(Response answer, String name) {
        byte[] bytes = answer.readEntity(byte[].class);
        return Response.ok(bytes, "application/pdf").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private void requireOperate() {
        if (!access.isOperate()) {
            throw new ForbiddenException("your role may not do this");
        }
    }

    private static void putIfGiven(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.trim());
        }
    }
}
