package io.callbook.resolver.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A number assigned to a branch, in E.164; a released number keeps its row for history. */
@Entity
@Table(name = "phone_numbers")
public class PhoneNumber extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Column(nullable = false, updatable = false)
    public String e164;

    public String label;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
