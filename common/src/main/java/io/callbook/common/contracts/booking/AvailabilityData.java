package io.callbook.common.contracts.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Free slots per date of {@code timeZone}, as booking-service answers {@code GET /v1/branches/{id}/availability};
 * every requested date is listed, with no slots when none is free. Readers ignore members they do not know, so
 * booking may add some. (Quarkus 3.33's generated reflection-free serializers write properties alphabetically and
 * ignore {@code @JsonPropertyOrder}; later versions honour it.)
 */
@RegisterForReflection
@JsonPropertyOrder({"branchId", "serviceId", "timeZone", "days"})
public record AvailabilityData(UUID branchId, UUID serviceId,
                               @Schema(example = "Europe/Berlin") String timeZone,
                               List<Day> days) {

    @RegisterForReflection
    public record Day(@Schema(example = "2026-12-01") LocalDate date, List<Slot> slots) {
    }

    /** Start and end with the offset in force at that instant, so the two 02:30 of a DST night differ. */
    @RegisterForReflection
    @JsonPropertyOrder({"start", "end", "staffIds"})
    public record Slot(@Schema(example = "2026-12-01T09:00:00+01:00") OffsetDateTime start,
                       @Schema(example = "2026-12-01T09:30:00+01:00") OffsetDateTime end,
                       @Schema(description = "Staff members who can take this slot; left out with withStaff=false")
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> staffIds) {
    }
}
