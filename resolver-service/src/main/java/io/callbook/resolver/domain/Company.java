package io.callbook.resolver.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A tenant. */
@Entity
@Table(name = "companies")
public class Company extends VersionedEntity {

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "default_region", nullable = false, length = 2)
    public String defaultRegion;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
