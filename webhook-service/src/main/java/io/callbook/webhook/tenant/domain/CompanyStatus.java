package io.callbook.webhook.tenant.domain;

import java.util.Locale;

/** Whether a company is served, as the directory last said. Deleted is final: resolver-service never revives a company. */
public enum CompanyStatus {
    ACTIVE, SUSPENDED, DELETED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CompanyStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
