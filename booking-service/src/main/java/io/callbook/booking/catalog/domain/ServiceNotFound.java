package io.callbook.booking.catalog.domain;

import java.util.UUID;

/** The service does not exist, or not for this company. */
public class ServiceNotFound extends RuntimeException {

    private final UUID serviceId;

    public ServiceNotFound(UUID serviceId) {
        super("Service " + serviceId + " not found", null, false, false);
        this.serviceId = serviceId;
    }

    public UUID serviceId() {
        return serviceId;
    }
}
