package io.callbook.webhook.inbound.domain;

import io.callbook.common.api.Ids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One accepted webhook in the durable inbox; the source of truth for its processing. What the provider sent never
 * changes, so processing updates only its state: a provider's body (a call's transcript can be tens of kilobytes) is
 * not sent back to PostgreSQL with every status change.
 */
@Entity
@Table(name = "inbound_events")
public class InboundEvent extends PanacheEntityBase {

    public static final String RECEIVED = "received";
    public static final String IGNORED = "ignored";

    @Id
    public UUID id = Ids.newId();

    @Column(name = "integration_id", nullable = false, updatable = false)
    public UUID integrationId;

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(nullable = false, updatable = false)
    public String provider;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(name = "dedupe_key", nullable = false, updatable = false)
    public String dedupeKey;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false, updatable = false)
    public short priority;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** When the current run of failures began; null while none is running. Bounds the retries (the retry budget). */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "last_error")
    public String lastError;

    @Column(nullable = false, updatable = false)
    public String body;

    /** Of a calendar booking moved under a new uid: the uid it had before (Cal.com's {@code rescheduleUid}). */
    @Column(name = "reschedule_uid", updatable = false)
    public String rescheduleUid;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** Set by a handler when what it did is worth telling an operator, e.g. that there was nothing to do. */
    @Column
    public String outcome;
}
