package io.callbook.resolver.domain;

import io.callbook.common.contracts.directory.BranchData;
import io.callbook.common.contracts.directory.CompanyData;
import io.callbook.common.contracts.directory.DirectoryEvents;
import io.callbook.common.contracts.directory.PhoneNumberData;
import io.callbook.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Writes directory events to the outbox, inside the transaction that made the change. */
@ApplicationScoped
public class DirectoryEventPublisher {

    private final Outbox outbox;

    public DirectoryEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void companyChanged(Company company) {
        String type = company.deletedAt == null ? DirectoryEvents.COMPANY_UPSERTED : DirectoryEvents.COMPANY_REMOVED;
        outbox.publish(DirectoryEvents.TOPIC, type, company.id.toString(), company.id,
                new CompanyData(company.id, company.name, company.defaultRegion, company.active && company.deletedAt == null));
    }

    public void branchChanged(Branch branch) {
        String type = branch.deletedAt == null ? DirectoryEvents.BRANCH_UPSERTED : DirectoryEvents.BRANCH_REMOVED;
        outbox.publish(DirectoryEvents.TOPIC, type, branch.id.toString(), branch.companyId,
                new BranchData(branch.id, branch.companyId, branch.name, branch.timeZone, branch.locale,
                        branch.phoneRegion, branch.active && branch.deletedAt == null));
    }

    public void phoneNumberChanged(PhoneNumber number, UUID previousBranchId) {
        String type = number.releasedAt == null ? DirectoryEvents.PHONE_NUMBER_UPSERTED : DirectoryEvents.PHONE_NUMBER_REMOVED;
        // Keyed by the number itself: its assignments, releases and moves stay in order for consumers.
        outbox.publish(DirectoryEvents.TOPIC, type, number.e164, number.companyId,
                new PhoneNumberData(number.id, number.companyId, number.branchId, number.e164, number.label,
                        number.active && number.releasedAt == null, previousBranchId));
    }
}
