package io.callbook.webhook.outbound.domain;

import io.callbook.webhook.tenant.domain.CompanyStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * A suspended or deleted company's queued deliveries are cancelled in the transaction that records the change (new
 * events are not scheduled for it, see {@link Deliveries#schedule}). Cancelled, not held: they stay visible and a
 * tenant admin can replay them once the company is active again.
 */
@ApplicationScoped
public class SuspendedCompanyDeliveries {

    private static final Logger LOG = Logger.getLogger(SuspendedCompanyDeliveries.class);

    void onStatusChanged(@Observes CompanyStatusChanged change) {
        if (change.served()) {
            return;
        }
        long cancelled = Delivery.update("status = 'cancelled', nextAttemptAt = null, lastError = ?1 "
                        + "where companyId = ?2 and status in ('pending', 'failed')",
                "the company is " + change.status().dbValue(), change.companyId());
        if (cancelled > 0) {
            LOG.infof("Cancelled %d queued deliveries of company %s (%s)", cancelled, change.companyId(),
                    change.status().dbValue());
        }
    }
}
