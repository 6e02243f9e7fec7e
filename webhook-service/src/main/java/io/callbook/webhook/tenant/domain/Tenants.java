package io.callbook.webhook.tenant.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.callbook.common.events.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.util.UUID;

/**
 * Which companies are served: the local copy of resolver-service's company status, fed by directory events and read
 * on every webhook and voice request (so it is kept in memory briefly). A company this service has heard nothing of
 * is served: the copy only ever withholds what the directory has suspended or deleted. A deleted company stays
 * deleted, whatever arrives later.
 */
@ApplicationScoped
public class Tenants {

    static final String CONSUMER = "webhook-directory";

    private final ProcessedEvents processedEvents;
    private final Event<CompanyStatusChanged> changed;
    private final Cache<UUID, CompanyStatus> statuses;

    public Tenants(ProcessedEvents processedEvents, Event<CompanyStatusChanged> changed, TenantsConfig config) {
        this.processedEvents = processedEvents;
        this.changed = changed;
        this.statuses = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(config.statusCacheTtl()).build();
    }

    /**
     * Records what a directory event says, once per event id: a redelivered event changes nothing, also when a later
     * event has changed the status since.
     *
     * @return whether the status changed
     */
    public boolean apply(String eventId, UUID companyId, CompanyStatus status) {
        boolean applied = QuarkusTransaction.requiringNew().call(() -> {
            if (!processedEvents.claim(CONSUMER, eventId)) {
                return false;
            }
            CompanyReplica company = CompanyReplica.findById(companyId);
            if (company == null) {
                company = new CompanyReplica();
                company.id = companyId;
                company.status = CompanyStatus.ACTIVE.dbValue();
            }
            CompanyStatus before = CompanyStatus.fromDb(company.status);
            if (before == status || before == CompanyStatus.DELETED) {
                return false;
            }
            company.status = status.dbValue();
            company.updatedAt = Instant.now();
            company.persist();
            changed.fire(new CompanyStatusChanged(companyId, status));
            return true;
        });
        // After the commit: a reader in between would otherwise cache the old status again.
        statuses.invalidate(companyId);
        return applied;
    }

    public CompanyStatus status(UUID companyId) {
        return statuses.get(companyId, id -> CompanyReplica.<CompanyReplica>findByIdOptional(id)
                .map(company -> CompanyStatus.fromDb(company.status))
                .orElse(CompanyStatus.ACTIVE));
    }

    /** @throws CompanyInactive when the company is suspended or deleted */
    public void requireServed(UUID companyId) {
        CompanyStatus status = status(companyId);
        if (status != CompanyStatus.ACTIVE) {
            throw new CompanyInactive(companyId, status);
        }
    }
}
