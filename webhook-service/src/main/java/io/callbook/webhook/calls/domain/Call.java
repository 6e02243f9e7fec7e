package io.callbook.webhook.calls.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One phone call handled by a tenant's voice agent, as the provider's call events described it. */
@Entity
@Table(name = "calls")
public class Call extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "integration_id", nullable = false)
    public UUID integrationId;

    @Column(name = "call_id", nullable = false)
    public String callId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "from_number")
    public String fromNumber;

    @Column(name = "to_number")
    public String toNumber;

    @Column(name = "branch_id")
    public UUID branchId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "disconnection_reason")
    public String disconnectionReason;

    public String summary;

    public String sentiment;

    @Column(name = "appointment_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] appointmentIds = new UUID[0];

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
