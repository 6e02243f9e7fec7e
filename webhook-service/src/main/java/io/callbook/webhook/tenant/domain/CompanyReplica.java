package io.callbook.webhook.tenant.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** resolver-service's company as this service needs it (is it served?), copied from directory events. */
@Entity
@Table(name = "companies")
public class CompanyReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    /** {@link CompanyStatus#dbValue()} */
    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
