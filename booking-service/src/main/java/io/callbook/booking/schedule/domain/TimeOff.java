package io.callbook.booking.schedule.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A holiday, sick day or absence of one staff member, or of the whole branch when {@code staffId} is null. */
@Entity
@Table(name = "time_off")
public class TimeOff extends VersionedEntity {

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String reason;
}
