package io.callbook.booking.schedule.api;

import io.callbook.booking.schedule.domain.TimeOff;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Request and response bodies of the time-off API. */
public final class TimeOffDtos {

    private TimeOffDtos() {
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
}
