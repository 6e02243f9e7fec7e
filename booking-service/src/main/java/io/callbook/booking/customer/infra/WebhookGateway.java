package io.callbook.booking.customer.infra;

import io.callbook.booking.customer.domain.CallHistory;
import io.callbook.booking.customer.domain.CallHistoryUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * webhook-service's call log, asked with the caller's own token: webhook-service checks the same tenant and role
 * rules, so an export can show no call its requester could not read there. Bounded by a timeout and a circuit
 * breaker ({@code io.callbook.booking.customer.infra.WebhookGateway/Timeout/value}, {@code .../CircuitBreaker/...});
 * any failure makes the export fail as a whole rather than come back silently incomplete.
 */
@ApplicationScoped
public class WebhookGateway implements CallHistory {

    private static final Logger LOG = Logger.getLogger(WebhookGateway.class);

    private final WebhookClient webhook;
    private final JsonWebToken token;

    public WebhookGateway(@RestClient WebhookClient webhook, JsonWebToken token) {
        this.webhook = webhook;
        this.token = token;
    }

    @Override
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    @Fallback(fallbackMethod = "unavailable")
    public List<CallRecord> callsFrom(UUID companyId, String e164) {
        return webhook.callerData(companyId, e164, "Bearer " + token.getRawToken()).calls().stream()
                .map(c -> new CallRecord(c.id(), c.callId(), c.fromNumber(), c.toNumber(), c.branchId(), c.startedAt(),
                        c.endedAt(), c.durationMs(), c.disconnectionReason(), c.summary(), c.sentiment(),
                        c.appointmentIds()))
                .toList();
    }

    List<CallRecord> unavailable(UUID companyId, String e164) {
        LOG.warnf("webhook-service's call log did not answer for company %s; the export is refused", companyId);
        throw new CallHistoryUnavailable(null);
    }
}
