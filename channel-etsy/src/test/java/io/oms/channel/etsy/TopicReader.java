package io.oms.channel.etsy;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.testsupport.TopicFromStart;

import java.util.List;
import java.util.function.Predicate;

/** Reads a topic from the beginning, keeping the records whose JSON value matches. */
final class TopicReader implements AutoCloseable {

    private final TopicFromStart topic;

    TopicReader(String topic, Predicate<JsonNode> keep) {
        this.topic = new TopicFromStart(topic, r -> keep.test(r.value()));
    }

    /** Everything kept so far, after one more poll. */
    List<JsonNode> poll() {
        return topic.poll().stream().map(TopicFromStart.Received::value).toList();
    }

    @Override
    public void close() {
        topic.close();
    }
}
