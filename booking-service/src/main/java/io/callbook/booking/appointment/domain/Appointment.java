package io.callbook.booking.appointment.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A booked (or briefly held) slot of one staff member. {@code blockedFrom}/{@code blockedUntil} add the
 * service's buffers; the database refuses two live appointments of one staff member whose blocked times overlap.
 */
@Entity
@Table(name = "appointments")
public class Appointment extends VersionedEntity {

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Column(name = "service_id", nullable = false)
    public UUID serviceId;

    @Column(name = "staff_id", nullable = false)
    public UUID staffId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "blocked_from", nullable = false)
    public Instant blockedFrom;

    @Column(name = "blocked_until", nullable = false)
    public Instant blockedUntil;

    @Column(nullable = false)
    public AppointmentStatus status;

    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;

    @Column(nullable = false)
    public AppointmentSource source = AppointmentSource.API;

    @Column(name = "external_ref")
    public String externalRef;

    public String notes;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "cancellation_reason")
    public String cancellationReason;
}
