package io.oms.messaging;

import io.oms.messaging.config.MessagingConfig;
import io.oms.messaging.inbox.InboxConsumers;
import io.oms.messaging.outbox.OutboxRelayService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Brings the messaging tables up to date, then starts the relay and the consumers; stops them in reverse. */
@ApplicationScoped
public class MessagingLifecycle {

    private final MessagingSchema schema;
    private final OutboxRelayService relay;
    private final InboxConsumers consumers;
    private final MessagingConfig config;
    private final TopicSetup topics;

    public MessagingLifecycle(MessagingSchema schema, OutboxRelayService relay, InboxConsumers consumers, MessagingConfig config,
            TopicSetup topics) {
        this.topics = topics;
        this.schema = schema;
        this.relay = relay;
        this.consumers = consumers;
        this.config = config;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        schema.migrate();
        if (config.relay().enabled()) {
            relay.start();
        }
        if (config.consumer().enabled()) {
            topics.ensure(consumers.eventTypes());
            consumers.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        consumers.stop();
        relay.stop();
    }
}
