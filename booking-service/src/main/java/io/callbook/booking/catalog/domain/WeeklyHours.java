package io.callbook.booking.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One interval of a staff member's regular week, in the branch's local time. */
@Entity
@Table(name = "weekly_hours")
public class WeeklyHours extends HoursRow {

    /** ISO day of week, 1 = Monday. */
    @Column(name = "day_of_week", nullable = false)
    public short dayOfWeek;
}
