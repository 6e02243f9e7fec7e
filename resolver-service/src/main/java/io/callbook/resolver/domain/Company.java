package io.callbook.resolver.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A tenant. */
@Entity
@Table(name = "companies")
public class Company extends VersionedEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "default_region", nullable = false)
    public String defaultRegion;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
