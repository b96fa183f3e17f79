package io.oms.channel.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.testsupport.TopicFromStart;

import java.util.List;

/** Reads a topic from the beginning, keeping the records whose key starts with a prefix (one shop's). */
final class Topic implements AutoCloseable {

    static final String ORDERS = "oms.order-imported.v1";
    static final String PUSH_RESULTS = "oms.channel-push-result.v1";

    private final TopicFromStart topic;

    Topic(String topic, String keyPrefix) {
        this.topic = new TopicFromStart(topic, r -> r.key() != null && r.key().startsWith(keyPrefix));
    }

    /** The imported orders of one Shopify shop. */
    static Topic orders(String domain) {
        return new Topic(ORDERS, "shopify:" + domain + ":");
    }

    /** Everything read so far, after one more poll. */
    List<Record> poll() {
        return topic.poll().stream().map(r -> new Record(r.key(), r.value().path("revision").asLong(), r.value())).toList();
    }

    long distinctKeys() {
        return poll().stream().map(Record::key).distinct().count();
    }

    @Override
    public void close() {
        topic.close();
    }

    record Record(String key, long revision, JsonNode value) {
    }
}
