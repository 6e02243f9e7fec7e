package io.callbook.booking.domain;

import io.callbook.common.api.Ids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** Changed hours on one date; a staff member's overrides for a date replace the weekly hours of that date. */
@Entity
@Table(name = "hours_overrides")
public class HoursOverride extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "staff_id", nullable = false)
    public UUID staffId;

    @Column(name = "on_date", nullable = false)
    public LocalDate onDate;

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
