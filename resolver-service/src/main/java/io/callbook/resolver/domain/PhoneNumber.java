package io.callbook.resolver.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A number assigned to a branch, in E.164; a released number keeps its row for history. */
@Entity
@Table(name = "phone_numbers")
public class PhoneNumber extends VersionedEntity {

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
}
