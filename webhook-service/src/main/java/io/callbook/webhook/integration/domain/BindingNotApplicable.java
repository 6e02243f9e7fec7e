package io.callbook.webhook.integration.domain;

/** Only a calendar integration books appointments, so only it takes a branch, service and staff member. */
public class BindingNotApplicable extends RuntimeException {

    public BindingNotApplicable() {
        super("branchId, serviceId and staffId belong to calendar integrations only", null, false, false);
    }
}
