package io.callbook.booking.catalog.domain;

import java.util.Set;
import java.util.UUID;

/** Services named for a staff member that the company does not have. */
public class UnknownServices extends RuntimeException {

    private final Set<UUID> serviceIds;

    public UnknownServices(Set<UUID> serviceIds) {
        super("Unknown services " + serviceIds, null, false, false);
        this.serviceIds = serviceIds;
    }

    public Set<UUID> serviceIds() {
        return serviceIds;
    }
}
