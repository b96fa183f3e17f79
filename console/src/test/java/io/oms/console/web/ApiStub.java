package io.oms.console.web;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for order-service's HTTP answers in the console's own tests (the browser tests run the real services):
 * an order that cannot be released (409 problem+json naming a field), an order list, a shop release that releases nothing, an order to ship whose shipping method names a carrier; the connectors' addresses
 * point where nothing listens.
 */
public class ApiStub implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/orders/o-1/release", exchange -> answer(exchange, 409, "application/problem+json",
                "{\"type\":\"/problems/forbidden-transition\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"detail\":\"cannot release an order in status NEW (to NEW)\",\"field\":\"status\"}"));
        // the release of a shop's held orders releases none of them: the console says which stayed on hold
        server.createContext("/api/v1/orders/release", exchange -> answer(exchange, 200, "application/json", "{\"released\":0}"));
        // an order whose shipping method fulfilment-service does not map (404) but which names a carrier, to be shipped
        server.createContext("/api/v1/orders/o-2", exchange -> answer(exchange, 200, "application/json",
                "{\"id\":\"o-2\",\"channel\":\"shopify\",\"shopId\":\"s.myshopify.com\",\"externalOrderId\":\"2002\","
                        + "\"externalOrderNumber\":\"#2002\",\"status\":\"READY_TO_SHIP\",\"shippingMethod\":\"DHL Paket\","
                        + "\"lines\":[{\"externalLineId\":\"l-1\",\"sku\":\"A-1\",\"quantity\":1}]}"));
        server.createContext("/api/v1/fulfilments", exchange -> answer(exchange, 200, "application/json", "{\"items\":[],\"total\":0}"));
        server.createContext("/api/v1/channel-shipment-rules", exchange -> answer(exchange, 200, "application/json", "{\"items\":[],\"total\":0}"));
        server.createContext("/api/v1/carriers", exchange -> answer(exchange, 200, "application/json",
                "{\"items\":[{\"code\":\"ups\",\"name\":\"UPS\"},{\"code\":\"dhl\",\"name\":\"DHL\"}],\"total\":2}"));
        server.createContext("/api/v1/shipping-methods", exchange -> answer(exchange, 404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no mapping\",\"field\":\"shippingMethod\"}"));
        server.createContext("/api/v1/orders", exchange -> answer(exchange, 200, "application/json",
                "{\"items\":[{\"id\":\"o-1\",\"channel\":\"etsy\",\"shopId\":\"42\",\"externalOrderId\":\"1001\",\"externalOrderNumber\":\"1001\","
                        + "\"status\":\"ON_HOLD\",\"buyerName\":\"Ada\",\"total\":{\"amount\":\"19.90\",\"currency\":\"EUR\"},"
                        + "\"createdAt\":\"2026-11-25T10:00:00Z\"}],\"total\":1}"));
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.order-service.url", url, "quarkus.rest-client.fulfilment-service.url", url,
                "quarkus.rest-client.inventory-service.url", "http://127.0.0.1:1",
                "oms.console.channels.etsy", "http://127.0.0.1:1", "oms.console.channels.shopify", "http://127.0.0.1:1");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
