package io.oms.channel.etsy;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.testsupport.TopicFromStart;

import java.util.List;

/** Reads oms.order-imported.v1 from the beginning, keeping only one shop's records. */
final class OrderTopic implements AutoCloseable {

    static final String TOPIC = "oms.order-imported.v1";

    private final TopicFromStart topic;

    OrderTopic(long etsyShopId) {
        String keyPrefix = "etsy:" + etsyShopId + ":";
        this.topic = new TopicFromStart(TOPIC, r -> r.key() != null && r.key().startsWith(keyPrefix));
    }

    /** Everything of this shop read so far, after one more poll. */
    List<Imported> poll() {
        return topic.poll().stream().map(r -> new Imported(r.key(), r.value().path("revision").asLong(), r.value())).toList();
    }

    @Override
    public void close() {
        topic.close();
    }

    record Imported(String key, long revision, JsonNode value) {
    }
}
