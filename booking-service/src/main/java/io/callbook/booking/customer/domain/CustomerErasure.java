package io.callbook.booking.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The report of one erasure: what was erased here and, once webhook-service has answered, there. It never says whose
 * data it was beyond the (now dangling) customer id.
 */
@Entity
@Table(name = "customer_erasures")
public class CustomerErasure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    /** Null when erased by a phone number no customer had. */
    @Column(name = "customer_id", updatable = false)
    public UUID customerId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "customers_deleted", nullable = false)
    public int customersDeleted;

    @Column(name = "appointments_anonymised", nullable = false)
    public int appointmentsAnonymised;

    @Column(name = "calls_anonymised")
    public Integer callsAnonymised;

    @Column(name = "inbound_events_anonymised")
    public Integer inboundEventsAnonymised;

    @Column(name = "webhook_completed_at")
    public Instant webhookCompletedAt;
}
