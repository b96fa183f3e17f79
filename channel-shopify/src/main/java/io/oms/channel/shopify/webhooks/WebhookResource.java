package io.oms.channel.shopify.webhooks;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Shopify calls this: 200 as soon as the delivery is stored (or was stored before), 401 when it is not Shopify's. */
@Path("/webhooks/shopify")
public class WebhookResource {

    private final WebhookIntake intake;

    public WebhookResource(WebhookIntake intake) {
        this.intake = intake;
    }

    @PermitAll
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("X-Shopify-Shop-Domain") String shopDomain, @HeaderParam("X-Shopify-Topic") String topic,
            @HeaderParam("X-Shopify-Webhook-Id") String webhookId, @HeaderParam("X-Shopify-Hmac-SHA256") String signature, byte[] body) {
        WebhookIntake.Outcome outcome = intake.receive(shopDomain, topic, webhookId, signature, body == null ? new byte[0] : body);
        if (outcome == WebhookIntake.Outcome.REFUSED) {
            return Response.status(401).type("application/problem+json").entity(Map.of(
                    "type", "about:blank", "title", "Unauthorized", "status", 401,
                    "detail", "the webhook's X-Shopify-Hmac-SHA256 does not match a connected shop's secret")).build();
        }
        return Response.ok().build();
    }
}
