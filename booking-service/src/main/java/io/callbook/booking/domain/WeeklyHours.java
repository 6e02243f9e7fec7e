package io.callbook.booking.domain;

import io.callbook.common.api.Ids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import java.time.LocalTime;
import java.util.UUID;

/** One interval of a staff member's regular week, in the branch's local time. */
@Entity
@Table(name = "weekly_hours")
public class WeeklyHours extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "staff_id", nullable = false)
    public UUID staffId;

    /** ISO day of week, 1 = Monday. */
    @Column(name = "day_of_week", nullable = false)
    public short dayOfWeek;

    @Column(nullable = false)
    public HoursKind kind;

    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;

    @PrePersist
    void assignId() {
        if (id == null) {
            id = Ids.newId();
        }
    }
}
