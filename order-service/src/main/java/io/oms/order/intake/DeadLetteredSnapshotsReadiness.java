package io.oms.order.intake;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the listener of refused snapshots has joined its group. */
@Readiness
@ApplicationScoped
public class DeadLetteredSnapshotsReadiness implements HealthCheck {

    private final DeadLetteredSnapshots listener;

    public DeadLetteredSnapshotsReadiness(DeadLetteredSnapshots listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rejected-snapshots").status(listener.ready()).build();
    }
}
