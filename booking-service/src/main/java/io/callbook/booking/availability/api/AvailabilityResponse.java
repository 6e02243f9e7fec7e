package io.callbook.booking.availability.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.callbook.booking.availability.domain.Availability;
import io.callbook.booking.availability.domain.AvailabilityView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Free slots per date of {@code timeZone}; every requested date is listed, with no slots when none is free.
 * (Quarkus 3.33's generated reflection-free serializers write properties alphabetically and ignore
 * {@code @JsonPropertyOrder}; later versions honour it.)
 */
@JsonPropertyOrder({"branchId", "serviceId", "timeZone", "days"})
public record AvailabilityResponse(UUID branchId, UUID serviceId,
                                   @Schema(example = "Europe/Berlin") String timeZone,
                                   List<Day> days) {

    public record Day(@Schema(example = "2026-12-01") LocalDate date, List<Slot> slots) {
    }

    /** Start and end with the offset in force at that instant, so the two 02:30 of a DST night differ. */
    @JsonPropertyOrder({"start", "end", "staffIds"})
    public record Slot(@Schema(example = "2026-12-01T09:00:00+01:00") OffsetDateTime start,
                       @Schema(example = "2026-12-01T09:30:00+01:00") OffsetDateTime end,
                       @Schema(description = "Staff members who can take this slot") List<UUID> staffIds) {
    }

    static AvailabilityResponse of(Availability availability) {
        return new AvailabilityResponse(availability.branchId(), availability.serviceId(), availability.zone().getId(),
                availability.days().stream().map(AvailabilityResponse::day).toList());
    }

    private static Day day(AvailabilityView.ZonedDay day) {
        return new Day(day.date(), day.slots().stream()
                .map(slot -> new Slot(slot.start(), slot.end(), slot.staffIds()))
                .toList());
    }
}
