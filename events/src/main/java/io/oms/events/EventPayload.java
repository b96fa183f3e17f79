package io.oms.events;

/**
 * What every payload record of the contract can say about itself.
 * Not serialised: Jackson writes record components only, and {@code kafkaKey()} is no getter.
 */
public interface EventPayload {

    /** The Kafka record key for this payload, as DESIGN section 4 and the AsyncAPI document define it. */
    String kafkaKey();
}
