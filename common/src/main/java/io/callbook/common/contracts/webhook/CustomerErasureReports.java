package io.callbook.common.contracts.webhook;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * webhook-service's answer to booking-service's {@code CustomerErased}: what it anonymised, for the erasure report
 * booking-service shows. Keyed by the erasure id.
 */
public final class CustomerErasureReports {

    public static final String TOPIC = "callbook.webhooks.erasures.v1";
    public static final String ERASURE_COMPLETED = "io.callbook.webhooks.customer-erasure.completed";

    private CustomerErasureReports() {
    }

    @RegisterForReflection
    public record ErasureCompleted(UUID erasureId, UUID companyId, int callsAnonymised, int inboundEventsAnonymised,
                                   Instant completedAt) {
    }
}
