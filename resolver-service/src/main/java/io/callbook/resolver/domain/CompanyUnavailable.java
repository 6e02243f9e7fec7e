package io.callbook.resolver.domain;

import java.util.UUID;

/** No new token for a company that is suspended (inactive) or deleted. */
public final class CompanyUnavailable extends DirectoryException {

    public CompanyUnavailable(UUID companyId) {
        super("Company " + companyId + " is suspended or deleted; it gets no new tokens");
    }
}
