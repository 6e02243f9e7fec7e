package io.callbook.common.health;

import io.callbook.common.outbox.OutboxBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A parked outbox event (see OutboxRelay) needs an operator, but taking the replicas out of traffic would not help it:
 * every replica shares the outbox and would go down together. So readiness stays UP and says "degraded" with the count
 * (from the backlog gauges' last read, no query per probe); the alert is {@code callbook_outbox_parked > 0}.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxBacklog backlog;

    public OutboxHealthCheck(OutboxBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        long parked = backlog.parked();
        var response = HealthCheckResponse.named("outbox").up().withData("parked", parked);
        if (parked > 0) {
            response.withData("mode", "degraded: " + parked + " event(s) parked, not sent; see the ERROR log lines");
        }
        return response.build();
    }
}
