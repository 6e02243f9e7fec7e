package io.callbook.common.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * DOWN while the start-up warm-up runs. A start-up check, not a readiness check: the warm-up happens once per process,
 * and while the start-up probe fails Kubernetes neither routes to the pod nor runs its liveness probe.
 */
@Startup
@ApplicationScoped
public class WarmUpCheck implements HealthCheck {

    private final StartupWarmUp warmUp;

    public WarmUpCheck(StartupWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("warm-up").status(warmUp.done());
        warmUp.results().forEach((task, result) -> response.withData(task, result.toString()));
        return response.build();
    }
}
