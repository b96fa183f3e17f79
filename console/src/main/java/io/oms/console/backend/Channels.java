package io.oms.console.backend;

import io.oms.console.config.ConsoleConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The connectors, by channel name ("etsy", "shopify"): one REST client each, at the configured address. */
@ApplicationScoped
public class Channels {

    private final Map<String, ChannelApi> clients = new LinkedHashMap<>();

    public Channels(ConsoleConfig config) {
        config.channels().forEach((channel, url) -> clients.put(channel, QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .readTimeout(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .register(new ProblemMapper(channelService(channel)))
                .build(ChannelApi.class)));
    }

    public List<String> names() {
        return List.copyOf(clients.keySet());
    }

    /** The connector of a channel; an unknown channel is a 404 page. */
    public ChannelApi of(String channel) {
        ChannelApi api = clients.get(channel);
        if (api == null) {
            throw new jakarta.ws.rs.NotFoundException("no connector for channel " + channel);
        }
        return api;
    }

    public static String channelService(String channel) {
        return "channel-" + channel;
    }

    /** The shops of every connector, and, in words, each connector that could not list them. */
    public record AllShops(List<Map<String, Object>> shops, List<String> unavailable) {
    }

    /** Every connector's shops (up to 500 each); a connector that fails or does not answer is named, the others still listed. */
    @SuppressWarnings("unchecked")
    public AllShops allShops() {
        List<Map<String, Object>> shops = new java.util.ArrayList<>();
        List<String> unavailable = new java.util.ArrayList<>();
        for (String channel : names()) {
            try {
                shops.addAll((List<Map<String, Object>>) of(channel).shops(0, 500).get("items"));
            } catch (ApiProblem problem) {
                unavailable.add(problem.inWords());
            } catch (jakarta.ws.rs.ProcessingException e) {
                unavailable.add(channelService(channel) + " did not answer");
            }
        }
        return new AllShops(shops, unavailable);
    }
}
