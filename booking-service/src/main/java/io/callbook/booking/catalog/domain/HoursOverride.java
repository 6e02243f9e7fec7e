package io.callbook.booking.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** Changed hours on one date; a staff member's overrides for a date replace the weekly hours of that date. */
@Entity
@Table(name = "hours_overrides")
public class HoursOverride extends HoursRow {

    @Column(name = "on_date", nullable = false)
    public LocalDate onDate;
}
