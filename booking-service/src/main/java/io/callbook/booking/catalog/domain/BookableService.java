package io.callbook.booking.catalog.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Something a company sells by the slot, e.g. a haircut: how long it takes and how it may be booked. */
@Entity
@Table(name = "services")
public class BookableService extends VersionedEntity {

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(nullable = false)
    public String name;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(name = "price_cents")
    public Long priceCents;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    public String currency;

    @Column(name = "buffer_before_minutes", nullable = false)
    public int bufferBeforeMinutes;

    @Column(name = "buffer_after_minutes", nullable = false)
    public int bufferAfterMinutes;

    @Column(name = "slot_interval_minutes", nullable = false)
    public int slotIntervalMinutes;

    @Column(name = "min_notice_minutes", nullable = false)
    public int minNoticeMinutes;

    @Column(name = "booking_window_days", nullable = false)
    public int bookingWindowDays = 60;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Duration bufferBefore() {
        return Duration.ofMinutes(bufferBeforeMinutes);
    }

    public Duration bufferAfter() {
        return Duration.ofMinutes(bufferAfterMinutes);
    }

    public boolean bookable() {
        return active && deletedAt == null;
    }
}
