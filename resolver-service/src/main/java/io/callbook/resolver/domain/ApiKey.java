package io.callbook.resolver.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A long-lived credential, exchanged for short-lived tokens. Only its hash is stored. */
@Entity
@Table(name = "api_keys")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Null for a platform key. */
    @Column(name = "company_id", updatable = false)
    public UUID companyId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, updatable = false)
    public String prefix;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    /** Comma-separated groups. */
    @Column(nullable = false)
    public String groups;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Null: no expiry. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The platform's bootstrap key from configuration (callbook.auth.bootstrap-api-key). */
    @Column(nullable = false, updatable = false)
    public boolean bootstrap;

    /** Neither revoked nor expired. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public Set<String> groupSet() {
        return Arrays.stream(groups.split(",")).filter(g -> !g.isBlank()).collect(Collectors.toUnmodifiableSet());
    }
}
