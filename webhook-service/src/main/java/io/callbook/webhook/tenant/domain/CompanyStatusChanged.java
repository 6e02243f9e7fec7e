package io.callbook.webhook.tenant.domain;

import java.util.UUID;

/**
 * Fired (synchronously, inside the transaction that records it) when a company's status changes, so that features
 * holding the company's pending work can stop it in the same transaction.
 */
public record CompanyStatusChanged(UUID companyId, CompanyStatus status) {

    public boolean served() {
        return status == CompanyStatus.ACTIVE;
    }
}
