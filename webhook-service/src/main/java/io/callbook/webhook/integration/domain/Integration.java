package io.callbook.webhook.integration.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's account at a provider and the sealed secret its webhooks are signed with. A calendar integration also
 * says where its bookings go: a branch and service, and optionally one staff member.
 */
@Entity
@Table(name = "integrations")
public class Integration extends VersionedEntity {

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(nullable = false, updatable = false)
    @Convert(converter = ProviderConverter.class)
    public Provider provider;

    @Column(nullable = false)
    public String name;

    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "branch_id")
    public UUID branchId;

    @Column(name = "service_id")
    public UUID serviceId;

    /** Null: booking-service picks any free staff member of the branch who performs the service. */
    @Column(name = "staff_id")
    public UUID staffId;
}
