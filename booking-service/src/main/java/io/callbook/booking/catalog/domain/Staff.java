package io.callbook.booking.catalog.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A person at a branch who performs some of the company's services. */
@Entity
@Table(name = "staff")
public class Staff extends VersionedEntity {

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Column(nullable = false)
    public String name;

    public String email;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @ElementCollection
    @CollectionTable(name = "staff_services", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "service_id")
    public Set<UUID> serviceIds = new HashSet<>();

    public boolean bookable() {
        return active && deletedAt == null;
    }
}
