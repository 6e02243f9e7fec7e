package io.callbook.webhook.tenant.domain;

import java.util.UUID;

/** The company is suspended or deleted: nothing is done for it until resolver-service reactivates it. */
public class CompanyInactive extends RuntimeException {

    private final UUID companyId;
    private final CompanyStatus status;

    public CompanyInactive(UUID companyId, CompanyStatus status) {
        super("Company " + companyId + (status == CompanyStatus.DELETED ? " was deleted" : " is suspended"), null,
                false, false);
        this.companyId = companyId;
        this.status = status;
    }

    public UUID companyId() {
        return companyId;
    }

    public CompanyStatus status() {
        return status;
    }

    public boolean deleted() {
        return status == CompanyStatus.DELETED;
    }
}
