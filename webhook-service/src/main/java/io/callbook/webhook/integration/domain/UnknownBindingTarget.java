package io.callbook.webhook.integration.domain;

/** A calendar binding names a branch, service or staff member booking-service does not know for the company. */
public class UnknownBindingTarget extends RuntimeException {

    private final String field;

    public UnknownBindingTarget(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    /** The request field at fault: branchId, serviceId or staffId. */
    public String field() {
        return field;
    }
}
