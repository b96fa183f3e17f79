package io.oms.messaging;

import io.oms.messaging.config.MessagingConfig;
import io.oms.messaging.inbox.InboxConsumers;
import io.oms.messaging.outbox.OutboxRelayService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the relay runs and every consumer has joined its group. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    private final OutboxRelayService relay;
    private final InboxConsumers consumers;
    private final MessagingConfig config;

    public MessagingReadiness(OutboxRelayService relay, InboxConsumers consumers, MessagingConfig config) {
        this.relay = relay;
        this.consumers = consumers;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("messaging");
        boolean up = true;
        if (config.relay().enabled()) {
            response.withData("outbox-relay", relay.isRunning() ? "running" : "stopped");
            up = relay.isRunning();
        }
        if (config.consumer().enabled()) {
            for (String name : consumers.names()) {
                String state = consumers.status(name)
                        .map(status -> !status.running() ? "stopped" : status.joined() ? "consuming" : "joining")
                        .orElse("not started");
                response.withData("consumer " + name, state);
                up &= state.equals("consuming");
            }
        }
        return response.status(up).build();
    }
}
