package io.callbook.webhook.outbound.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** Where a tenant wants our events delivered, which ones, and the secret they are signed with. */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint extends VersionedEntity {

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(nullable = false)
    public String url;

    /** Event types such as {@code appointment.booked}; {@code *} for all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public String[] eventTypes;

    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
