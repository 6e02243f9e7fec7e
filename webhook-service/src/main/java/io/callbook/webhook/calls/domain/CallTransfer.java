package io.callbook.webhook.calls.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of a call's transfer to a person, as the provider's transfer event described it. */
@Entity
@Table(name = "call_transfers")
public class CallTransfer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "call_row_id", nullable = false)
    public UUID callRowId;

    /** started, bridged, cancelled or ended */
    @Column(nullable = false)
    public String status;

    /** The number (or SIP address) the call was transferred to, when the provider named it. */
    public String destination;

    /** The provider's transfer option, e.g. warm_transfer. */
    @Column(name = "transfer_type")
    public String transferType;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
