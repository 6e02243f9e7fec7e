package io.callbook.booking.catalog.domain;

import io.callbook.common.api.Ids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

import java.time.LocalTime;
import java.util.UUID;

/** What a row of a staff member's hours carries, whether it belongs to the regular week or to one date. */
@MappedSuperclass
public abstract class HoursRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "staff_id", nullable = false)
    public UUID staffId;

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
