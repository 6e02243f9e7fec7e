package io.callbook.resolver.domain;

import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import io.callbook.common.phone.PhoneNumberNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class Companies {

    private final DirectoryEventPublisher events;
    private final PhoneNumberNormalizer numbers;
    private final AuditLog audit;

    public Companies(DirectoryEventPublisher events, PhoneNumberNormalizer numbers, AuditLog audit) {
        this.events = events;
        this.numbers = numbers;
        this.audit = audit;
    }

    @Transactional
    public Company create(String name, String defaultRegion) {
        Company company = new Company();
        company.name = name.strip();
        company.defaultRegion = numbers.region(defaultRegion);
        company.persist();
        events.companyChanged(company);
        return company;
    }

    /** The region a company's national numbers are read with; callable from a thread without a request context. */
    @ActivateRequestContext
    public String defaultRegion(UUID id) {
        return get(id).defaultRegion;
    }

    public Company get(UUID id) {
        return Company.<Company>find("id = ?1 and deletedAt is null", id).firstResultOptional()
                .orElseThrow(() -> new RecordNotFound("Company " + id));
    }

    public List<Company> list(UUID after, int limit) {
        return after == null
                ? Company.<Company>find("deletedAt is null order by id").page(0, limit + 1).list()
                : Company.<Company>find("deletedAt is null and id > ?1 order by id", after).page(0, limit + 1).list();
    }

    @Transactional
    public Company update(UUID id, String name, String defaultRegion, Boolean active) {
        Company company = get(id);
        if (name != null) {
            company.name = name.strip();
        }
        if (defaultRegion != null) {
            company.defaultRegion = numbers.region(defaultRegion);
        }
        if (active != null) {
            company.active = active;
        }
        events.companyChanged(company);
        return company;
    }

    /** Soft delete: the company's numbers are released and its keys revoked, history stays. */
    @Transactional
    public void delete(UUID id) {
        Company company = get(id);
        Instant now = Instant.now();
        List<PhoneNumber> assigned = PhoneNumber.list("companyId = ?1 and releasedAt is null", id);
        for (PhoneNumber number : assigned) {
            number.releasedAt = now;
            number.active = false;
            events.phoneNumberChanged(number, null);
        }
        ApiKey.update("revokedAt = ?1 where companyId = ?2 and revokedAt is null", now, id);
        company.deletedAt = now;
        company.active = false;
        events.companyChanged(company);
        audit.record(AuditActions.COMPANY_DELETED, id, "company:" + id, Map.of("numbersReleased", assigned.size()));
    }
}
