package io.callbook.booking.catalog.api;

import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.HoursInterval;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.catalog.domain.HoursOverride;
import io.callbook.booking.catalog.domain.ServiceCatalog.ServiceSpec;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.booking.catalog.domain.StaffDirectory.NewStaff;
import io.callbook.booking.catalog.domain.WeeklyHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of the services, staff and hours API. */
public final class CatalogDtos {

    private CatalogDtos() {
    }

    public record ServiceRequest(@NotBlank @Size(max = 200) String name,
                                 @NotNull @Min(5) @Max(1440) Integer durationMinutes,
                                 @Min(5) @Max(1440) Integer slotIntervalMinutes,
                                 @Min(0) @Max(240) Integer bufferBeforeMinutes,
                                 @Min(0) @Max(240) Integer bufferAfterMinutes,
                                 @Min(0) @Max(525600) Integer minNoticeMinutes,
                                 @Min(1) @Max(730) Integer bookingWindowDays,
                                 @Min(0) Long priceCents,
                                 @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
                                 Boolean active) {
        ServiceSpec spec() {
            return new ServiceSpec(name, durationMinutes, slotIntervalMinutes, bufferBeforeMinutes, bufferAfterMinutes,
                    minNoticeMinutes, bookingWindowDays, priceCents, currency, active);
        }
    }

    public record ServiceResponse(UUID id, UUID companyId, String name, int durationMinutes, int slotIntervalMinutes,
                                  int bufferBeforeMinutes, int bufferAfterMinutes, int minNoticeMinutes,
                                  int bookingWindowDays, Long priceCents, String currency, boolean active,
                                  Instant createdAt, Instant updatedAt) {
        static ServiceResponse of(BookableService s) {
            return new ServiceResponse(s.id, s.companyId, s.name, s.durationMinutes, s.slotIntervalMinutes,
                    s.bufferBeforeMinutes, s.bufferAfterMinutes, s.minNoticeMinutes, s.bookingWindowDays, s.priceCents,
                    s.currency, s.active, s.createdAt, s.updatedAt);
        }
    }

    public record StaffRequest(@NotNull UUID branchId, @NotBlank @Size(max = 200) String name,
                               @Email @Size(max = 320) String email, @Size(max = 200) Set<@NotNull UUID> serviceIds) {
    }

    /** Each item is checked like a single staff member's body; the whole batch is created or nothing. */
    public record StaffBatchRequest(@Schema(required = true) List<StaffBatchItem> items) {
    }

    /** A staff member, the services they perform and, optionally, their regular week as PUT .../hours takes it. */
    public record StaffBatchItem(@NotNull UUID branchId, @NotBlank @Size(max = 200) String name,
                                 @Email @Size(max = 320) String email, @Size(max = 200) Set<@NotNull UUID> serviceIds,
                                 @Valid WeeklyHoursRequest hours) {
        NewStaff toNewStaff() {
            return new NewStaff(branchId, name, email, serviceIds, hours == null ? null : hours.intervals());
        }
    }

    public record StaffBatchResponse(List<StaffResponse> items) {
    }

    public record StaffUpdate(@Size(min = 1, max = 200) String name, @Email @Size(max = 320) String email,
                              @Size(max = 200) Set<@NotNull UUID> serviceIds, Boolean active) {
    }

    public record StaffResponse(UUID id, UUID companyId, UUID branchId, String name, String email, Set<UUID> serviceIds,
                                boolean active, Instant createdAt, Instant updatedAt) {
        static StaffResponse of(Staff s) {
            return new StaffResponse(s.id, s.companyId, s.branchId, s.name, s.email, Set.copyOf(s.serviceIds), s.active,
                    s.createdAt, s.updatedAt);
        }
    }

    /** A working day: when work starts and ends, and the breaks in between. */
    public record WorkingDay(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end,
                             @Size(max = 10) List<@Valid @NotNull TimeRange> breaks) {
    }

    public record TimeRange(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    public record WeeklyHoursRequest(@NotNull @Size(max = 50) List<@Valid @NotNull WorkingDay> days) {

        /** Each day's work and its breaks, once the request is valid. */
        List<HoursInterval> intervals() {
            List<HoursInterval> intervals = new ArrayList<>();
            for (WorkingDay day : days) {
                intervals.add(new HoursInterval(day.day(), HoursKind.WORK, day.start(), day.end()));
                for (TimeRange pause : day.breaks() == null ? List.<TimeRange>of() : day.breaks()) {
                    intervals.add(new HoursInterval(day.day(), HoursKind.BREAK, pause.start(), pause.end()));
                }
            }
            return intervals;
        }
    }

    public record HoursEntry(DayOfWeek day, String kind, LocalTime start, LocalTime end) {
        static HoursEntry of(WeeklyHours h) {
            return new HoursEntry(DayOfWeek.of(h.dayOfWeek), h.kind.dbValue(), h.startTime, h.endTime);
        }
    }

    /** Hours of one date instead of the regular week; no work ranges means back to the regular week. */
    public record DateHoursRequest(@NotNull @Size(max = 10) List<@Valid @NotNull TimeRange> work,
                                   @Size(max = 10) List<@Valid @NotNull TimeRange> breaks) {
    }

    public record DateHoursEntry(LocalDate date, String kind, LocalTime start, LocalTime end) {
        static DateHoursEntry of(HoursOverride o) {
            return new DateHoursEntry(o.onDate, o.kind.dbValue(), o.startTime, o.endTime);
        }
    }
}
