package io.callbook.common.audit;

/**
 * The administrative actions the audit log knows, one name each across all services so a platform admin can filter by
 * them. A new admin action gets its constant here.
 */
public final class AuditActions {

    public static final String API_KEY_CREATED = "api-key.created";
    public static final String API_KEY_REVOKED = "api-key.revoked";
    public static final String COMPANY_DELETED = "company.deleted";
    public static final String SECRET_ROTATED = "secret.rotated";
    public static final String INBOUND_EVENT_REPLAYED = "inbound-event.replayed";
    public static final String INBOUND_EVENTS_REPLAYED = "inbound-events.replayed";
    public static final String DELIVERY_REPLAYED = "delivery.replayed";
    public static final String RETENTION_CHANGED = "retention.changed";
    public static final String CUSTOMER_ERASED = "customer.erased";

    private AuditActions() {
    }
}
