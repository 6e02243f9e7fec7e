package io.callbook.booking.availability.domain;

import java.util.UUID;

/** An inactive service has no availability: it cannot be booked. */
public class ServiceInactive extends RuntimeException {

    private final UUID serviceId;

    public ServiceInactive(UUID serviceId) {
        super("Service " + serviceId + " is inactive", null, false, false);
        this.serviceId = serviceId;
    }

    public UUID serviceId() {
        return serviceId;
    }
}
