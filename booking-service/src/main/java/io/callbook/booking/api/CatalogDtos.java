package io.callbook.booking.api;

import io.callbook.booking.domain.BookableService;
import io.callbook.booking.domain.Customer;
import io.callbook.booking.domain.HoursInterval;
import io.callbook.booking.domain.HoursKind;
import io.callbook.booking.domain.HoursOverride;
import io.callbook.booking.domain.ServiceCatalog.ServiceSpec;
import io.callbook.booking.domain.Staff;
import io.callbook.booking.domain.StaffDirectory.NewStaff;
import io.callbook.booking.domain.TimeOff;
import io.callbook.booking.domain.WeeklyHours;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of the catalog, staff, hours, time-off and customer API. */
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

    /** Times with an offset (2026-12-24T00:00:00+01:00) or in UTC (…Z). */
    public record TimeOffRequest(@NotNull UUID branchId, UUID staffId, @NotNull OffsetDateTime startsAt,
                                 @NotNull OffsetDateTime endsAt, @Size(max = 500) String reason) {
    }

    public record TimeOffResponse(UUID id, UUID branchId, UUID staffId, Instant startsAt, Instant endsAt, String reason) {
        static TimeOffResponse of(TimeOff t) {
            return new TimeOffResponse(t.id, t.branchId, t.staffId, t.startsAt, t.endsAt, t.reason);
        }
    }

    public record CustomerRequest(@NotBlank @Size(max = 64) String phone, @Size(max = 200) String name,
                                  @Email @Size(max = 320) String email,
                                  @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region") String region) {
    }

    /** Each item is checked like a single customer's body; the whole batch is created or nothing. */
    public record CustomerBatchRequest(@Schema(required = true) List<CustomerRequest> items) {
    }

    public record CustomerBatchResponse(List<CustomerResponse> items) {
    }

    public record CustomerUpdate(@Size(min = 1, max = 200) String name, @Email @Size(max = 320) String email) {
    }

    public record CustomerResponse(UUID id, UUID companyId, String phone, String name, String email, Instant createdAt,
                                   Instant updatedAt) {
        static CustomerResponse of(Customer c) {
            return new CustomerResponse(c.id, c.companyId, c.phoneE164, c.name, c.email, c.createdAt, c.updatedAt);
        }
    }
}
