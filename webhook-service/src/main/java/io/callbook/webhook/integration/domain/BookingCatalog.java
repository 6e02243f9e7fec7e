package io.callbook.webhook.integration.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What booking-service knows of a company's catalog, asked when a calendar integration is bound to it.
 * Each method throws when booking-service cannot be asked (down, slow, circuit open).
 */
public interface BookingCatalog {

    /** @return empty when the company has no such service (or it was removed) */
    Optional<CatalogService> service(UUID companyId, UUID serviceId);

    /** @return empty when the company has no such staff member (or they were removed) */
    Optional<CatalogStaff> staffMember(UUID companyId, UUID staffId);

    /** @return whether the branch is one of the company's active branches (asked with a service of the company) */
    boolean branchExists(UUID companyId, UUID branchId, UUID serviceId);

    record CatalogService(UUID id, boolean active) {
    }

    record CatalogStaff(UUID id, UUID branchId, Set<UUID> serviceIds, boolean active) {
    }
}
