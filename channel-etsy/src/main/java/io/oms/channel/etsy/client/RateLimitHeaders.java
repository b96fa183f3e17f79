package io.oms.channel.etsy.client;

import io.oms.channel.core.limit.CallLimiter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Feeds every Etsy answer's rate-limit headers ({@code x-limit-per-second}, {@code x-remaining-this-second},
 * {@code x-remaining-today}) to the {@link CallLimiter}, keyed by the app's keystring (what Etsy counts by). A
 * filter, because the typed client methods return only the body.
 */
public class RateLimitHeaders implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        String apiKey = request.getHeaderString("x-api-key");
        if (apiKey == null || apiKey.isBlank()) {
            return;
        }
        Integer limit = number(response.getHeaderString("x-limit-per-second"));
        Integer thisSecond = number(response.getHeaderString("x-remaining-this-second"));
        Integer today = number(response.getHeaderString("x-remaining-today"));
        if (limit != null || thisSecond != null || today != null) {
            CDI.current().select(CallLimiter.class).get().observe(EtsyClient.limiterKey(apiKey), limit, thisSecond, today);
        }
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
