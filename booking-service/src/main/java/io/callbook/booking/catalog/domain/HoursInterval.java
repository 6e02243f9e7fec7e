package io.callbook.booking.catalog.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A stretch of local time on one weekday (or date), either at work or on a break. */
public record HoursInterval(DayOfWeek day, HoursKind kind, LocalTime start, LocalTime end) {
}
