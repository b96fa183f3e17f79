package io.oms.sandbox.shopify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint inside the test application: records every delivery; "flaky" ones fail the first time. */
@Path("/test/webhooks/{box}")
public class WebhookReceiver {

    /** One received delivery: its headers and raw body. */
    public record Delivery(Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public static final Map<String, List<Delivery>> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("box") String box, @Context HttpHeaders headers, byte[] body) {
        int call = CALLS.computeIfAbsent(box, b -> new AtomicInteger()).incrementAndGet();
        if (box.startsWith("flaky") && call == 1) {
            return Response.status(503).build();
        }
        Map<String, String> h = new ConcurrentHashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
        RECEIVED.computeIfAbsent(box, b -> new CopyOnWriteArrayList<>()).add(new Delivery(h, body));
        return Response.ok().build();
    }

    public static List<Delivery> received(String box) {
        return RECEIVED.getOrDefault(box, List.of());
    }
}
