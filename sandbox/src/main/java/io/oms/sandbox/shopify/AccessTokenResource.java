package io.oms.sandbox.shopify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.SandboxConfig;
import io.oms.sandbox.control.CallRecord;
import io.oms.sandbox.shopify.graphql.GraphqlResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code POST /admin/oauth/access_token} with grant_type=client_credentials: a token that expires. */
@Path("/admin/oauth/access_token")
public class AccessTokenResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final ShopifyStore store;
    private final SandboxClock clock;
    private final SandboxConfig config;

    public AccessTokenResource(ShopifyStore store, SandboxClock clock, SandboxConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    public Response token(@Context HttpHeaders headers, byte[] body) throws java.io.IOException {
        Optional<ShopifyShop> shop = GraphqlResource.domain(headers).flatMap(store::shop);
        if (shop.isEmpty()) {
            return Response.status(404).entity(Map.of("errors", "Not Found")).build();
        }
        Map<String, String> form = new HashMap<>();
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.startsWith("application/json")) {
            JSON.readValue(body, Map.class).forEach((k, v) -> form.put(String.valueOf(k), String.valueOf(v)));
        } else {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        ShopifyShop s = shop.get();
        Response answer;
        if (!"client_credentials".equals(form.get("grant_type"))) {
            answer = Response.status(400).entity(Map.of("error", "unsupported_grant_type",
                    "error_description", "grant_type must be client_credentials")).build();
        } else if (!s.clientId.equals(form.get("client_id")) || !s.clientSecret.equals(form.get("client_secret"))) {
            answer = Response.status(401).entity(Map.of("error", "invalid_client",
                    "error_description", "Client authentication failed")).build();
        } else {
            byte[] b = new byte[16];
            random.nextBytes(b);
            String token = "shpat_" + HexFormat.of().formatHex(b);
            long seconds = config.shopify().tokenLifetime().toSeconds();
            s.grantedTokens.put(token, clock.instant().plusSeconds(seconds));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("access_token", token);
            out.put("scope", "read_orders,write_orders,read_products,write_products,read_inventory,"
                    + "write_inventory,read_fulfillments,write_fulfillments,read_locations");
            out.put("expires_in", seconds);
            answer = Response.ok(out).build();
        }
        s.calls.add(new CallRecord(clock.instant(), "POST", "/admin/oauth/access_token", "client_credentials",
                answer.getStatus(), null));
        return answer;
    }
}
