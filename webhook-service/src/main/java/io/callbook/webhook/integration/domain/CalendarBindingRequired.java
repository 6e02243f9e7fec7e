package io.callbook.webhook.integration.domain;

/** A calendar integration must say where its bookings become appointments. */
public class CalendarBindingRequired extends RuntimeException {

    public CalendarBindingRequired() {
        super("A calendar integration needs branchId and serviceId (staffId is optional): its bookings become "
                + "appointments there", null, false, false);
    }
}
